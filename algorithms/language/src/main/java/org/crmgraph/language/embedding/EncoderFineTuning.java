package org.crmgraph.language.embedding;

import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntBinaryOperator;

/**
 * Fine-tunes a {@link BertEncoder} together with a classification head on labelled texts: the head reads the
 * encoder's unit-length sentence embedding, its logits multiplied by a fixed temperature (the embedding's length
 * cannot carry confidence, so the directions themselves learn to put each class together: what retrieval reads
 * too), softmax cross-entropy,
 * AdamW with a linear warm-up and decay. Batches are drawn from length-sorted buckets so that short texts are
 * not padded to the longest one in the file; the order is seeded.
 */
final class EncoderFineTuning {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EncoderFineTuning.class);

    /** The head's logits are multiplied by this: unit-length embeddings alone would give too flat a softmax. */
    static final float TEMPERATURE = 20f;

    private static final int BUCKET_BATCHES = 50;
    private static final float HEAD_LEARNING_RATE_FACTOR = 20f;
    private static final float WARM_UP_SHARE = 0.06f;
    /** Gradients are scaled down to this global norm, as in BERT's own fine-tuning. */
    private static final double MAX_GRADIENT_NORM = 1.0;

    private static final String HEAD = "head";
    private static final String BIAS = "bias";

    /**
     * A fine-tuned encoder's weights and its head, the head already scaled by {@link #TEMPERATURE}; {@code skipped}
     * steps had a loss or gradient that was not a number and changed nothing.
     */
    record Tuned(
            Map<String, float[]> weights, float[][] head, float[] bias, int steps, int skipped, double lastEpochLoss) {}

    private EncoderFineTuning() {}

    /**
     * @param progress told (steps done, steps in all) after every step
     * @throws IllegalStateException when the loss stops being a number (too high a learning rate)
     */
    static Tuned train(
            BertEncoder encoder,
            HuggingFaceTokenizer tokenizer,
            List<String> texts,
            int[] labels,
            int classes,
            FineTuningProperties settings,
            long seed,
            IntBinaryOperator progress) {
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) seed);
        Random random = new Random(seed);
        int batchSize = Math.min(settings.batchSize(), texts.size());
        int stepsPerEpoch = texts.size() / batchSize;
        int total = settings.epochs() * stepsPerEpoch;
        float peak = settings.learningRate().floatValue();
        Tracker encoderRate = n -> peak * schedule(n, total);
        Tracker headRate = n -> peak * HEAD_LEARNING_RATE_FACTOR * schedule(n, total);
        Optimizer encoderOptimizer = Optimizer.adamW()
                .optLearningRateTracker(encoderRate)
                .optWeightDecays(0.01f)
                .build();
        Optimizer headOptimizer =
                Optimizer.adamW().optLearningRateTracker(headRate).build();
        List<Encoding> encodings = encode(tokenizer, texts);
        try (NDManager manager = encoder.manager().newSubManager()) {
            NDArray head = manager.randomNormal(
                    0, 0.02f, new Shape(encoder.hidden(), classes), DataType.FLOAT32, engine.defaultDevice());
            NDArray bias = manager.zeros(new Shape(classes));
            head.setRequiresGradient(true);
            bias.setRequiresGradient(true);
            int step = 0;
            int skipped = 0;
            double epochLoss = 0;
            for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                epochLoss = 0;
                for (int[] batch : batches(encodings, batchSize, random)) {
                    try (NDManager scope = manager.newSubManager();
                            GradientCollector collector = engine.newGradientCollector()) {
                        long[][] ids = new long[batch.length][];
                        long[][] mask = new long[batch.length][];
                        int[] truth = new int[batch.length];
                        padded(encodings, batch, ids, mask);
                        for (int i = 0; i < batch.length; i++) {
                            truth[i] = labels[batch[i]];
                        }
                        NDArray embeddings = encoder.embed(
                                scope, ids, mask, settings.dropout().floatValue());
                        NDArray logits = embeddings.matMul(head).add(bias).mul(TEMPERATURE);
                        NDArray loss = logits.logSoftmax(-1)
                                .mul(scope.create(truth)
                                        .toType(DataType.INT64, false)
                                        .oneHot(classes))
                                .sum(new int[] {1})
                                .neg()
                                .mean();
                        collector.backward(loss);
                        float value = loss.getFloat();
                        Map<String, NDArray> weights = new LinkedHashMap<>();
                        for (String name : encoder.trainableNames()) {
                            weights.put(name, encoder.weight(name));
                        }
                        weights.put(HEAD, head);
                        weights.put(BIAS, bias);
                        Map<String, NDArray> gradients = new LinkedHashMap<>();
                        double squares = 0;
                        for (Map.Entry<String, NDArray> w : weights.entrySet()) {
                            NDArray gradient = w.getValue().getGradient();
                            gradient.attach(scope); // its temporaries, and the handle itself, go with the step
                            gradients.put(w.getKey(), gradient);
                            squares += gradient.square().sum().getFloat();
                        }
                        if (Float.isFinite(value) && Double.isFinite(squares)) {
                            epochLoss += value;
                            double norm = Math.sqrt(squares);
                            for (Map.Entry<String, NDArray> g : gradients.entrySet()) {
                                if (norm > MAX_GRADIENT_NORM) {
                                    g.getValue().muli(MAX_GRADIENT_NORM / norm);
                                }
                                Optimizer optimizer =
                                        g.getKey().equals(HEAD) || g.getKey().equals(BIAS)
                                                ? headOptimizer
                                                : encoderOptimizer;
                                optimizer.update(g.getKey(), weights.get(g.getKey()), g.getValue());
                            }
                        } else if (++skipped <= Math.max(3, total / 100)) {
                            log.warn(
                                    "Fine-tuning step {} changed nothing: loss {}, squared gradient norm {} ({} word pieces)",
                                    step + 1,
                                    value,
                                    squares,
                                    ids[0].length);
                        } else {
                            throw new IllegalStateException("fine-tuning diverged: " + skipped
                                    + " steps had a loss or gradient that is not a number (the last at step "
                                    + (step + 1) + "); lower crm.support.fine-tuning.learning-rate");
                        }
                        // DJL's PyTorch gradient collector adds each backward pass to the last one: clear them
                        for (NDArray gradient : gradients.values()) {
                            gradient.subi(gradient);
                            if (!Double.isFinite(squares)) {
                                gradient.set(gradient.isNaN(), 0);
                            }
                        }
                    }
                    step++;
                    progress.applyAsInt(step, total);
                }
            }
            float[] flatHead = head.toFloatArray();
            float[] flatBias = bias.toFloatArray();
            float[][] rows = new float[classes][encoder.hidden()];
            float[] scaledBias = new float[classes];
            for (int c = 0; c < classes; c++) {
                for (int d = 0; d < encoder.hidden(); d++) {
                    rows[c][d] = TEMPERATURE * flatHead[d * classes + c];
                }
                scaledBias[c] = TEMPERATURE * flatBias[c];
            }
            return new Tuned(
                    encoder.trainedValues(), rows, scaledBias, step, skipped, epochLoss / Math.max(1, stepsPerEpoch));
        }
    }

    /** Linear warm-up over the first steps, then linear decay to 2% of the peak. */
    static float schedule(int update, int total) {
        float warmUp = Math.max(1, WARM_UP_SHARE * total);
        return Math.min(1f, (update + 1) / warmUp) * Math.max(0.02f, 1f - update / (float) Math.max(1, total));
    }

    static List<Encoding> encode(HuggingFaceTokenizer tokenizer, List<String> texts) {
        List<Encoding> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += 256) {
            Collections.addAll(out, tokenizer.batchEncode(texts.subList(from, Math.min(texts.size(), from + 256))));
        }
        return out;
    }

    /** Shuffled indices cut into batches of texts of similar length, the batches in random order. */
    private static List<int[]> batches(List<Encoding> encodings, int batchSize, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < encodings.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        List<int[]> batches = new ArrayList<>();
        int bucket = batchSize * BUCKET_BATCHES;
        for (int from = 0; from < order.size(); from += bucket) {
            List<Integer> chunk = new ArrayList<>(order.subList(from, Math.min(order.size(), from + bucket)));
            chunk.sort(Comparator.comparingInt(i -> length(encodings.get(i))));
            for (int i = 0; i + batchSize <= chunk.size(); i += batchSize) {
                batches.add(chunk.subList(i, i + batchSize).stream()
                        .mapToInt(Integer::intValue)
                        .toArray());
            }
        }
        Collections.shuffle(batches, random);
        return batches;
    }

    private static int length(Encoding encoding) {
        int n = 0;
        for (long m : encoding.getAttentionMask()) {
            n += (int) m;
        }
        return n;
    }

    /** The batch's ids and masks, cut to its longest text. */
    static void padded(List<Encoding> encodings, int[] batch, long[][] ids, long[][] mask) {
        int longest = 1;
        for (int index : batch) {
            longest = Math.max(longest, length(encodings.get(index)));
        }
        for (int i = 0; i < batch.length; i++) {
            Encoding e = encodings.get(batch[i]);
            ids[i] = java.util.Arrays.copyOf(e.getIds(), longest);
            mask[i] = java.util.Arrays.copyOf(e.getAttentionMask(), longest);
        }
    }
}
