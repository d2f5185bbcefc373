package org.crmgraph.language.embedding;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.data.DataFolderProperties;
import org.crmgraph.language.SupportProperties;
import org.crmgraph.language.classifier.Prediction;
import org.crmgraph.language.classifier.TrainedClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fine-tuned encoders kept in the graph, so every instance serves the same one: a {@code (:TextEncoder)} per
 * version with the encoder it was tuned from, and its trained weights cut into {@code (:TextEncoderPart)} nodes
 * of a few megabytes (about 43 MB for MiniLM; the frozen word-piece table is not stored). An instance builds the
 * tuned ONNX file from the configured base file and these weights the first time a version is asked for, and runs
 * it on ONNX Runtime like the frozen encoder. Only the two newest versions are kept.
 */
@Component
public class TunedEncoders implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TunedEncoders.class);

    private static final int PART_BYTES = 4 << 20;
    private static final int KEPT_VERSIONS = 2;

    private static final String NEXT_VERSION =
            "OPTIONAL MATCH (e:TextEncoder) RETURN coalesce(max(e.version), 0) + 1 AS version";

    private static final String SAVE_PART = """
            CREATE (:TextEncoderPart {encoder: $version, index: $index, bytes: $bytes})
            """;

    private static final String SAVE = """
            CREATE (e:TextEncoder)
            SET e = $properties, e.version = $version, e.trainedAt = datetime()
            """;

    private static final String PRUNE = """
            MATCH (e:TextEncoder) WITH e ORDER BY e.version DESC SKIP $kept
            OPTIONAL MATCH (p:TextEncoderPart {encoder: e.version})
            DETACH DELETE p, e
            """;

    private static final String DESCRIBE =
            "MATCH (e:TextEncoder {version: $version}) RETURN e.base AS base, e.parts AS parts";

    private static final String PARTS =
            "MATCH (p:TextEncoderPart {encoder: $version}) RETURN p.bytes AS bytes ORDER BY p.index";

    private final CypherRunner cypher;
    private final SupportProperties support;
    private final Path cacheDir;
    private final Map<Long, SentenceEmbedder> loaded = new LinkedHashMap<>();
    // versions found unusable (gone, or tuned from another encoder): not read and logged again at every answer
    private final java.util.Set<Long> unusable = new java.util.HashSet<>();

    public TunedEncoders(CypherRunner cypher, SupportProperties support, DataFolderProperties data) {
        this.cypher = cypher;
        this.support = support;
        this.cacheDir = EmbeddingModelConfiguration.cacheDir(support, data);
    }

    Path cacheDir() {
        return cacheDir;
    }

    /**
     * Stores a tuned encoder's weights as a new version (parts first, in transactions of their own, then the node
     * that makes the version visible) and deletes all but the newest versions.
     */
    long save(String base, Map<String, float[]> weights, Map<String, Object> properties) {
        byte[] bytes = serialise(weights);
        long version = cypher.read(NEXT_VERSION, Map.of(), r -> r.get("version").asLong())
                .getFirst();
        int parts = (bytes.length + PART_BYTES - 1) / PART_BYTES;
        for (int i = 0; i < parts; i++) {
            byte[] part = Arrays.copyOfRange(bytes, i * PART_BYTES, Math.min(bytes.length, (i + 1) * PART_BYTES));
            cypher.write(SAVE_PART, Map.of("version", version, "index", i, "bytes", part));
        }
        Map<String, Object> stored = new LinkedHashMap<>(properties);
        stored.put("base", base);
        stored.put("parts", parts);
        stored.put("bytes", bytes.length);
        cypher.write(SAVE, Map.of("version", version, "properties", stored));
        cypher.write(PRUNE, Map.of("kept", KEPT_VERSIONS));
        return version;
    }

    /**
     * The tuned encoder of this version, ready to embed; empty (and logged) when it is gone or was tuned from
     * another encoder than the one configured now, so that its caller falls back to the frozen encoder.
     */
    public synchronized Optional<SentenceEmbedder> load(long version) {
        SentenceEmbedder cached = loaded.get(version);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (unusable.contains(version)) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        Optional<Object[]> described = cypher.readOptional(DESCRIBE, Map.of("version", version), r ->
                new Object[] {r.get("base").asString(), r.get("parts").asInt()});
        if (described.isEmpty()) {
            log.warn("Tuned encoder v{} is not in the graph any more; the frozen encoder serves instead", version);
            unusable.add(version);
            return Optional.empty();
        }
        String base = (String) described.get()[0];
        if (!base.equals(support.modelLocation())) {
            log.warn(
                    "Tuned encoder v{} was tuned from {}, but crm.support.model-location is {}; the frozen encoder serves instead",
                    version,
                    base,
                    support.modelLocation());
            unusable.add(version);
            return Optional.empty();
        }
        int parts = (int) described.get()[1];
        List<byte[]> stored = cypher.read(
                PARTS, Map.of("version", version), r -> r.get("bytes").asByteArray());
        if (stored.size() != parts) {
            log.warn(
                    "Tuned encoder v{} has {} of its {} parts; the frozen encoder serves instead",
                    version,
                    stored.size(),
                    parts);
            unusable.add(version);
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        stored.forEach(bytes::writeBytes);
        EncoderSource source = EncoderSource.of(base);
        byte[] onnx;
        try {
            onnx = OnnxEncoderFile.read(new ByteArrayInputStream(source.onnx()))
                    .withWeights(deserialise(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SentenceEmbedder embedder = SentenceEmbedder.fromBytes(
                "tuned-encoder-v" + version,
                onnx,
                source.tokenizer(),
                cacheDir,
                support.maxTokens(),
                support.predictors(),
                support.intraOpThreads());
        loaded.put(version, embedder);
        // a version older than the two newest asked for is no longer served: its ONNX Runtime session goes
        List<Long> versions = new ArrayList<>(loaded.keySet());
        versions.sort(Long::compare);
        for (int i = 0; i < versions.size() - KEPT_VERSIONS; i++) {
            loaded.remove(versions.get(i)).close();
        }
        log.info("Tuned encoder v{} loaded in {} ms", version, (System.nanoTime() - started) / 1_000_000);
        return Optional.of(embedder);
    }

    /**
     * The predictions of this classifier for these texts, whose frozen-encoder embeddings are given: read through
     * its tuned encoder when it has one that loads, else by the classifier trained beside it on the frozen encoder.
     */
    public List<Prediction> classify(TrainedClassifier classifier, List<String> texts, List<float[]> frozenVectors) {
        Long encoder = classifier.encoderVersion();
        if (encoder != null) {
            Optional<SentenceEmbedder> tuned = load(encoder);
            if (tuned.isPresent()) {
                return classifier.predictAll(tuned.get().embedAll(texts, support.batchSize()));
            }
        }
        return classifier.frozen().predictAll(frozenVectors);
    }

    static byte[] serialise(Map<String, float[]> weights) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(weights.size());
            for (Map.Entry<String, float[]> e : weights.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                ByteBuffer buffer =
                        ByteBuffer.allocate(e.getValue().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                buffer.asFloatBuffer().put(e.getValue());
                out.write(buffer.array());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, float[]> deserialise(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int count = in.readInt();
            Map<String, float[]> weights = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                float[] values = new float[in.readInt()];
                byte[] raw = in.readNBytes(values.length * Float.BYTES);
                ByteBuffer.wrap(raw)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .asFloatBuffer()
                        .get(values);
                weights.put(name, values);
            }
            return weights;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        loaded.values().forEach(SentenceEmbedder::close);
        loaded.clear();
        unusable.clear();
    }
}
