package org.crmgraph.language;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Support answers ({@code crm.support.*}).
 *
 * @param modelLocation       the sentence-embedding model: {@code classpath:all-minilm-l6-v2} (the default, shipped
 *                            in a Maven artifact), or a folder holding one {@code .onnx} file and its
 *                            {@code tokenizer.json}, or a DJL model URL (needs a network connection)
 * @param chineseModelLocation the sentence-embedding model for Chinese text, the same kinds of location:
 *                            {@code classpath:bge-small-zh-v1.5-q} (BAAI bge-small-zh-v1.5, quantised, shipped in a
 *                            Maven artifact) by default; loaded the first time Chinese text is seen
 * @param modelCacheDir       where DJL extracts its native libraries; empty means {@code <crm.data-dir>/djl}
 * @param maxTokens           longer texts are truncated to this many word pieces (MiniLM was trained on 256)
 * @param predictors          embedding predictors in the pool: how many questions are embedded at the same time
 * @param intraOpThreads      ONNX Runtime threads per predictor; 1 gives the best throughput on 2 cores
 * @param batchSize           texts embedded per model call when tickets and articles are (re-)embedded
 * @param embedInBackground   embed new and changed tickets and articles in the background after writes and
 *                            imports; off, they wait for the {@code embed} command
 * @param loadModelAtStart    load the embedding model on a thread of its own from start-up on (the service); off,
 *                            it loads the first time something embeds (the command line: an import of orders never
 *                            needs it, and loading it took a core for 7 s while the import started)
 * @param maxQuestionLength   longer questions are refused with an error that says the limit
 * @param sources             sources returned with an answer
 * @param autoReplyThreshold  an answer at least this confident is {@code AUTO_REPLY}
 * @param suggestThreshold    an answer at least this confident is {@code SUGGEST}; below, {@code ESCALATE}
 * @param customerBoost       added to a source about a product the asking customer bought or has an open ticket on
 * @param feedbackWeight      how far one helpful (or unhelpful) vote on a near-identical past question moves a source
 * @param gapSimilarity       cosine similarity from which two low-confidence questions count as the same gap
 * @param classifierEpochs    training passes of the ticket classifier
 * @param classifierHidden    hidden units of the ticket classifier (0 gives logistic regression)
 * @param classifierHoldout   share of labelled tickets held out to validate the classifier
 * @param randomSeed          seed of the classifier's split, initial weights and shuffling
 */
@ConfigurationProperties("crm.support")
public record SupportProperties(
        String modelLocation,
        String chineseModelLocation,
        String modelCacheDir,
        Integer maxTokens,
        Integer predictors,
        Integer intraOpThreads,
        Integer batchSize,
        Boolean embedInBackground,
        Boolean loadModelAtStart,
        Integer maxQuestionLength,
        Integer sources,
        Double autoReplyThreshold,
        Double suggestThreshold,
        Double customerBoost,
        Double feedbackWeight,
        Double gapSimilarity,
        Integer classifierEpochs,
        Integer classifierHidden,
        Double classifierHoldout,
        Long randomSeed) {

    public static final String DEFAULT_MODEL = "classpath:all-minilm-l6-v2";
    public static final String DEFAULT_CHINESE_MODEL = "classpath:bge-small-zh-v1.5-q";

    public SupportProperties {
        modelLocation = modelLocation == null || modelLocation.isBlank() ? DEFAULT_MODEL : modelLocation.strip();
        chineseModelLocation = chineseModelLocation == null || chineseModelLocation.isBlank()
                ? DEFAULT_CHINESE_MODEL
                : chineseModelLocation.strip();
        modelCacheDir = modelCacheDir == null ? "" : modelCacheDir.strip();
        maxTokens = within(maxTokens, 256, 16, 512, "max-tokens");
        predictors = within(predictors, 2, 1, 16, "predictors");
        intraOpThreads = within(intraOpThreads, 1, 1, 16, "intra-op-threads");
        batchSize = within(batchSize, 32, 1, 256, "batch-size");
        embedInBackground = embedInBackground == null || embedInBackground;
        loadModelAtStart = loadModelAtStart == null || loadModelAtStart;
        maxQuestionLength = within(maxQuestionLength, 2000, 10, 100_000, "max-question-length");
        sources = within(sources, 5, 1, 50, "sources");
        autoReplyThreshold = within(autoReplyThreshold, 0.80, "auto-reply-threshold");
        suggestThreshold = within(suggestThreshold, 0.55, "suggest-threshold");
        if (suggestThreshold > autoReplyThreshold) {
            throw new IllegalArgumentException("crm.support.suggest-threshold (" + suggestThreshold
                    + ") must not be above crm.support.auto-reply-threshold (" + autoReplyThreshold + ")");
        }
        customerBoost = within(customerBoost, 0.10, "customer-boost");
        feedbackWeight = within(feedbackWeight, 0.05, "feedback-weight");
        gapSimilarity = within(gapSimilarity, 0.60, "gap-similarity");
        classifierEpochs = within(classifierEpochs, 40, 1, 1000, "classifier-epochs");
        classifierHidden = within(classifierHidden, 256, 0, 4096, "classifier-hidden");
        classifierHoldout = within(classifierHoldout, 0.2, "classifier-holdout");
        randomSeed = randomSeed == null ? 42L : randomSeed;
    }

    public static SupportProperties defaults() {
        return new SupportProperties(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    private static int within(Integer value, int fallback, int min, int max, String name) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new IllegalArgumentException(
                    "crm.support." + name + " must be between " + min + " and " + max + ", was " + v);
        }
        return v;
    }

    private static double within(Double value, double fallback, String name) {
        double v = value == null ? fallback : value;
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("crm.support." + name + " must be between 0 and 1, was " + v);
        }
        return v;
    }
}
