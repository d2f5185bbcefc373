package org.crmgraph.language.embedding;

import java.nio.file.Path;
import org.crmgraph.graph.data.DataFolderProperties;
import org.crmgraph.language.SupportProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The sentence-embedding model for Chinese text ({@code crm.support.chinese-model-location}, bge-small-zh-v1.5 by
 * default), loaded the first time Chinese text is seen: most organisations never need it, and it should not slow
 * their start-up. A broken model fails that first use with a message naming what is missing.
 */
@Component
public class ChineseEmbedder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChineseEmbedder.class);

    private final SupportProperties properties;
    private final Path cacheDir;
    private volatile SentenceEmbedder model;

    public ChineseEmbedder(SupportProperties properties, DataFolderProperties data) {
        this.properties = properties;
        this.cacheDir = EmbeddingModelConfiguration.cacheDir(properties, data);
    }

    public SentenceEmbedder get() {
        SentenceEmbedder loaded = model;
        if (loaded != null) {
            return loaded;
        }
        synchronized (this) {
            if (model == null) {
                long started = System.nanoTime();
                model = SentenceEmbedder.load(
                        properties.chineseModelLocation(),
                        cacheDir,
                        properties.maxTokens(),
                        properties.predictors(),
                        properties.intraOpThreads(),
                        Pooling.CLS);
                log.info(
                        "Chinese sentence-embedding model {} loaded in {} ms ({} dimensions)",
                        model.description(),
                        (System.nanoTime() - started) / 1_000_000,
                        model.dimensions());
            }
            return model;
        }
    }

    @Override
    public synchronized void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
