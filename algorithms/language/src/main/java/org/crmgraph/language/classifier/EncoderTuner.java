package org.crmgraph.language.classifier;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * Fine-tunes the sentence encoder together with a classification head, for a training that asks for it
 * ({@link ClassifierTraining.Options#fineTuneEncoder()}). Implemented where the encoder lives; the training here
 * decides, on held-out tickets, whether the tuned encoder or the frozen one serves.
 */
public interface EncoderTuner {

    /**
     * @param labels   the category index of each training text
     * @param progress told the share of the training steps done, now and then
     * @throws IllegalArgumentException when the configured encoder cannot be fine-tuned, saying why
     */
    Candidate tune(
            List<String> texts,
            int[] labels,
            int classes,
            List<String> validationTexts,
            long seed,
            DoubleConsumer progress);

    /** The frozen encoder's vectors of these texts: the baseline is validated on the same texts as the tuned one. */
    List<float[]> frozen(List<String> texts);

    /** How much higher the tuned encoder's held-out accuracy must be for it to replace the frozen one. */
    double minimumGain();

    /** A tuned encoder not yet kept. */
    interface Candidate {

        /** The category index it predicts for each validation text. */
        int[] validationPredictions();

        /** The head over the tuned embeddings: one row of weights per category. */
        float[][] head();

        float[] bias();

        int steps();

        /** These texts embedded by the tuned encoder (to measure what it would retrieve). */
        List<float[]> embed(List<String> texts);

        /** Stores the tuned encoder as a new version; returns its number. */
        long keep(Map<String, Object> properties);
    }
}
