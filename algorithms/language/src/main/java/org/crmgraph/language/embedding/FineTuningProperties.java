package org.crmgraph.language.embedding;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fine-tuning of the sentence encoder on labelled tickets ({@code crm.support.fine-tuning.*}).
 *
 * @param epochs          passes over the training tickets
 * @param batchSize       tickets per training step
 * @param learningRate    peak learning rate of the encoder's weights (AdamW, linear warm-up over the first 6% of
 *                        steps, then linear decay); the classification head learns 20 times faster
 * @param maxTokens       longer texts are truncated to this many word pieces while training
 * @param dropout         dropout on attention and each sub-layer's output while training (BERT's 0.1)
 * @param attentionHeads  attention heads of the encoder (MiniLM and BERT: 12); a wrong value fails the check that
 *                        the trainable copy reproduces the encoder
 * @param minimumGain     the tuned encoder replaces the frozen one only when its held-out accuracy is at least this
 *                        much higher (0 means any gain)
 */
@ConfigurationProperties("crm.support.fine-tuning")
public record FineTuningProperties(
        @Nullable Integer epochs,
        @Nullable Integer batchSize,
        @Nullable Double learningRate,
        @Nullable Integer maxTokens,
        @Nullable Double dropout,
        @Nullable Integer attentionHeads,
        @Nullable Double minimumGain) {

    public FineTuningProperties {
        epochs = within(epochs, 3, 1, 50, "epochs");
        batchSize = within(batchSize, 32, 2, 256, "batch-size");
        learningRate = learningRate == null ? 1e-4 : learningRate;
        if (!(learningRate > 0 && learningRate <= 0.01)) {
            throw new IllegalArgumentException(
                    "crm.support.fine-tuning.learning-rate must be above 0 and at most 0.01, was " + learningRate);
        }
        maxTokens = within(maxTokens, 64, 8, 512, "max-tokens");
        dropout = dropout == null ? 0.1 : dropout;
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException(
                    "crm.support.fine-tuning.dropout must be at least 0 and below 1, was " + dropout);
        }
        attentionHeads = within(attentionHeads, 12, 1, 64, "attention-heads");
        minimumGain = minimumGain == null ? 0.0 : minimumGain;
        if (!(minimumGain >= 0 && minimumGain <= 1)) {
            throw new IllegalArgumentException(
                    "crm.support.fine-tuning.minimum-gain must be between 0 and 1, was " + minimumGain);
        }
    }

    public static FineTuningProperties defaults() {
        return new FineTuningProperties(null, null, null, null, null, null, null);
    }

    private static int within(@Nullable Integer value, int fallback, int min, int max, String name) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new IllegalArgumentException(
                    "crm.support.fine-tuning." + name + " must be between " + min + " and " + max + ", was " + v);
        }
        return v;
    }
}
