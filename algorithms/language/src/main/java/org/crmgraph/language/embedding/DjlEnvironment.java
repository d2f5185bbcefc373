package org.crmgraph.language.embedding;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * DJL reads these settings once, when an engine first loads, so they are set before any model is touched.
 * Offline mode keeps DJL from fetching a native library or a model at run time (ours come from Maven
 * artifacts); the cache holds the native libraries DJL extracts from those jars.
 */
public final class DjlEnvironment {

    private DjlEnvironment() {}

    public static synchronized void prepare(Path cacheDir) {
        try {
            Files.createDirectories(cacheDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(
                    "Cannot create the model cache folder " + cacheDir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        String cache = cacheDir.toAbsolutePath().toString();
        setIfAbsent("DJL_CACHE_DIR", cache);
        setIfAbsent("ENGINE_CACHE_DIR", cache);
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("PYTORCH_FLAVOR", "cpu");
        // no usage reporting from a CRM's servers
        setIfAbsent("OPT_OUT_TRACKING", "true");
        // the classifier is tiny: one PyTorch thread avoids contention with ONNX Runtime and Neo4j on 2 cores
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }
}
