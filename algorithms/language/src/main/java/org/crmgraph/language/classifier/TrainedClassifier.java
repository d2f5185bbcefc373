package org.crmgraph.language.classifier;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A trained classifier (ticket categories, sentiment) held in memory on the PyTorch engine. Predictions run the block forward in a
 * short-lived NDManager per call, so concurrent callers share the read-only weights and nothing else.
 */
public final class TrainedClassifier implements AutoCloseable {

    private final long version;
    private final List<String> categories;
    private final List<String> priorities;
    private final int dimensions;
    private final Model model;
    private final @Nullable Long encoderVersion;
    private final @Nullable TrainedClassifier frozenFallback;

    TrainedClassifier(long version, List<String> categories, List<String> priorities, int dimensions, Model model) {
        this(version, categories, priorities, dimensions, model, null, null);
    }

    private TrainedClassifier(
            long version,
            List<String> categories,
            List<String> priorities,
            int dimensions,
            Model model,
            @Nullable Long encoderVersion,
            @Nullable TrainedClassifier frozenFallback) {
        this.version = version;
        this.categories = List.copyOf(categories);
        this.priorities = priorities;
        this.dimensions = dimensions;
        this.model = model;
        this.encoderVersion = encoderVersion;
        this.frozenFallback = frozenFallback;
    }

    /**
     * This classifier as one that reads embeddings of the fine-tuned encoder of this version, with the classifier
     * trained on the frozen encoder's embeddings at the same time to serve when the tuned encoder cannot be loaded.
     */
    TrainedClassifier readingTunedEncoder(long encoder, TrainedClassifier fallback) {
        return new TrainedClassifier(version, categories, priorities, dimensions, model, encoder, fallback);
    }

    /** The fine-tuned encoder whose embeddings this classifier reads; null when it reads the frozen encoder's. */
    public @Nullable Long encoderVersion() {
        return encoderVersion;
    }

    /**
     * The classifier to use with the frozen encoder's embeddings: this one, unless it reads a tuned encoder's, in
     * which case the one trained beside it on the frozen encoder (the same version number).
     */
    public TrainedClassifier frozen() {
        return encoderVersion == null || frozenFallback == null ? this : frozenFallback;
    }

    /** @param priorities the suggested priority of each category, or null when the classes have none */
    public static TrainedClassifier fromParameters(
            long version,
            List<String> categories,
            List<String> priorities,
            int dimensions,
            int hidden,
            byte[] parameters) {
        Model model = Model.newInstance("classifier-v" + version, "PyTorch");
        Block block = ClassifierNetwork.build(hidden, categories.size());
        model.setBlock(block);
        try {
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, dimensions));
            block.loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(parameters)));
        } catch (IOException | MalformedModelException e) {
            model.close();
            throw new IllegalStateException(
                    "Classifier version " + version + " in the graph cannot be read: " + e.getMessage(), e);
        }
        return new TrainedClassifier(version, categories, priorities, dimensions, model);
    }

    public long version() {
        return version;
    }

    public List<String> categories() {
        return categories;
    }

    public Prediction predict(float[] embedding) {
        return predictAll(List.of(embedding)).getFirst();
    }

    public List<Prediction> predictAll(List<float[]> embeddings) {
        if (embeddings.isEmpty()) {
            return List.of();
        }
        float[] flat = new float[embeddings.size() * dimensions];
        for (int i = 0; i < embeddings.size(); i++) {
            float[] e = embeddings.get(i);
            if (e.length != dimensions) {
                throw new IllegalArgumentException(
                        "embedding has " + e.length + " dimensions, the classifier expects " + dimensions);
            }
            System.arraycopy(e, 0, flat, i * dimensions, dimensions);
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray input = manager.create(flat, new Shape(embeddings.size(), dimensions));
            NDArray probabilities = model.getBlock()
                    .forward(new ParameterStore(manager, false), new NDList(input), false)
                    .singletonOrThrow()
                    .softmax(-1);
            float[] p = probabilities.toFloatArray();
            List<Prediction> out = new ArrayList<>(embeddings.size());
            int n = categories.size();
            for (int row = 0; row < embeddings.size(); row++) {
                int best = 0;
                for (int c = 1; c < n; c++) {
                    if (p[row * n + c] > p[row * n + best]) {
                        best = c;
                    }
                }
                out.add(new Prediction(
                        categories.get(best),
                        p[row * n + best],
                        priorities == null ? null : priorities.get(best),
                        version));
            }
            return out;
        }
    }

    @Override
    public void close() {
        model.close();
        if (frozenFallback != null) {
            frozenFallback.close();
        }
    }
}
