package org.crmgraph.language.embedding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A BERT encoder with mean pooling and L2 normalisation (what sentence-transformers' MiniLM computes), written
 * with DJL NDArray operations on the PyTorch engine so that its weights can be trained. The forward pass
 * reproduces ONNX Runtime's on the same weights (checked before every fine-tuning and in the tests).
 *
 * <p>The word-piece embedding table (30,522 × 384, half the weights) stays frozen: the organisation's few
 * thousand tickets cannot teach it much, and updating it would double each training step.
 */
final class BertEncoder implements AutoCloseable {

    static final String WORD_EMBEDDINGS = "embeddings.word_embeddings.weight";

    private final NDManager manager;
    private final Map<String, NDArray> weights = new LinkedHashMap<>();
    private final int hidden;
    private final int heads;
    private final int layers;
    private final float epsilon;

    BertEncoder(NDManager parent, OnnxEncoderFile file, int heads) {
        this.manager = parent.newSubManager();
        file.weights().forEach((name, w) -> weights.put(name, manager.create(w.values(), new Shape(w.shape()))));
        NDArray norm = require("embeddings.LayerNorm.weight");
        this.hidden = (int) norm.getShape().get(0);
        if (hidden % heads != 0) {
            throw new IllegalArgumentException(
                    "the encoder's width " + hidden + " is not divisible by " + heads + " attention heads");
        }
        this.heads = heads;
        int count = 0;
        while (weights.containsKey("encoder.layer." + count + ".attention.self.query.weightT")) {
            count++;
        }
        if (count == 0) {
            throw new IllegalArgumentException(
                    "the ONNX file is not a BERT encoder as the Hugging Face exporter writes it (no encoder.layer.0)");
        }
        this.layers = count;
        this.epsilon = file.layerNormEpsilon();
        for (String name : trainableNames()) {
            weights.get(name).setRequiresGradient(true);
        }
    }

    private NDArray require(String name) {
        NDArray w = weights.get(name);
        if (w == null) {
            throw new IllegalArgumentException(
                    "the ONNX file is not a BERT encoder as the Hugging Face exporter writes it (no " + name + ")");
        }
        return w;
    }

    NDManager manager() {
        return manager;
    }

    int hidden() {
        return hidden;
    }

    Iterable<String> trainableNames() {
        return weights.keySet().stream().filter(n -> !n.equals(WORD_EMBEDDINGS)).toList();
    }

    NDArray weight(String name) {
        return weights.get(name);
    }

    /** The trained weights' current values, by the names of {@link OnnxEncoderFile#weights()}. */
    Map<String, float[]> trainedValues() {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (String name : trainableNames()) {
            values.put(name, weights.get(name).toFloatArray());
        }
        return values;
    }

    /**
     * Sentence embeddings (rows of unit length) of a padded batch.
     *
     * @param dropout the rate of dropout on attention and on each sub-layer's output; 0 at inference
     */
    NDArray embed(NDManager scope, long[][] ids, long[][] mask, float dropout) {
        int b = ids.length;
        int t = ids[0].length;
        int headSize = hidden / heads;
        NDArray idArray = scope.create(ids);
        NDArray maskFloat = scope.create(mask).toType(DataType.FLOAT32, false);
        NDArray positions = scope.arange(0, t, 1, DataType.INT64);
        NDArray types = scope.zeros(new Shape(b, t), DataType.INT64);
        NDArray x = lookup(idArray, WORD_EMBEDDINGS)
                .add(lookup(positions, "embeddings.position_embeddings.weight"))
                .add(lookup(types, "embeddings.token_type_embeddings.weight"));
        x = drop(norm(x, "embeddings.LayerNorm"), dropout);
        // padding gets a large negative score before the softmax, so no token attends to it
        NDArray padding = maskFloat.neg().add(1).mul(-1e9f).reshape(b, 1, 1, t);
        float scale = (float) Math.sqrt(headSize);
        for (int l = 0; l < layers; l++) {
            String p = "encoder.layer." + l + ".";
            NDArray q = heads(linear(x, p + "attention.self.query"), b, t, headSize);
            NDArray k = heads(linear(x, p + "attention.self.key"), b, t, headSize);
            NDArray v = heads(linear(x, p + "attention.self.value"), b, t, headSize);
            NDArray attention =
                    q.matMul(k.transpose(0, 1, 3, 2)).div(scale).add(padding).softmax(-1);
            NDArray context =
                    drop(attention, dropout).matMul(v).transpose(0, 2, 1, 3).reshape(b, t, hidden);
            x = norm(
                    x.add(drop(linear(context, p + "attention.output.dense"), dropout)),
                    p + "attention.output.LayerNorm");
            NDArray inner =
                    linear(x, p + "intermediate.dense").getNDArrayInternal().gelu();
            x = norm(x.add(drop(linear(inner, p + "output.dense"), dropout)), p + "output.LayerNorm");
        }
        NDArray weightsOfTokens = maskFloat.expandDims(-1);
        NDArray mean = x.mul(weightsOfTokens)
                .sum(new int[] {1})
                .div(weightsOfTokens.sum(new int[] {1}).clip(1e-9f, Float.MAX_VALUE));
        return mean.div(mean.norm(new int[] {1}, true).clip(1e-12f, Float.MAX_VALUE));
    }

    private NDArray heads(NDArray x, int b, int t, int headSize) {
        return x.reshape(b, t, heads, headSize).transpose(0, 2, 1, 3);
    }

    private NDArray linear(NDArray x, String layer) {
        return x.matMul(weights.get(layer + ".weightT")).add(weights.get(layer + ".bias"));
    }

    private NDArray norm(NDArray x, String layer) {
        return x.getNDArrayInternal()
                .layerNorm(x, new Shape(hidden), weights.get(layer + ".weight"), weights.get(layer + ".bias"), epsilon)
                .singletonOrThrow();
    }

    private NDArray lookup(NDArray indices, String table) {
        NDArray weight = weights.get(table);
        return weight.getNDArrayInternal()
                .embedding(indices, weight, SparseFormat.DENSE)
                .singletonOrThrow();
    }

    private static NDArray drop(NDArray x, float rate) {
        return rate <= 0 ? x : x.getNDArrayInternal().dropout(x, rate, true).singletonOrThrow();
    }

    @Override
    public void close() {
        manager.close();
    }
}
