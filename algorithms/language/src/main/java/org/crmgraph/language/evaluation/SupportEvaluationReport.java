package org.crmgraph.language.evaluation;

import java.util.Map;
import org.crmgraph.language.classifier.ClassifierReport;
import org.crmgraph.language.classifier.MulticlassScores;
import org.jspecify.annotations.Nullable;

/**
 * The support evaluation's figures: intent accuracy@1 and macro-F1 of nearest-neighbour retrieval through the
 * vector index (top-1, and a similarity-weighted vote of the 10 nearest), of the trained classifier and of
 * always answering the commonest intent (and, when the encoder was fine-tuned, of the classifier trained beside
 * it on the frozen encoder: {@code classifierOnFrozenEncoder}, otherwise the same as {@code classifier}; and the
 * nearest training ticket by the tuned encoder, {@code tunedRetrievalTop1}, null without one); embedding pace; the latency of whole answers; and, per decision, how
 * many questions got it and how often the answer's best source had the right intent.
 */
public record SupportEvaluationReport(
        int questions,
        int categories,
        int trainTickets,
        int validationQuestions,
        MulticlassScores retrievalTop1,
        MulticlassScores retrievalVote10,
        MulticlassScores classifier,
        MulticlassScores classifierOnFrozenEncoder,
        @Nullable MulticlassScores tunedRetrievalTop1,
        boolean answersSearchedTunedEncoder,
        MulticlassScores majority,
        ClassifierReport classifierReport,
        double embeddingSentencesPerSecond,
        long backfillMillis,
        int latencySamples,
        double latencyP50Millis,
        double latencyP90Millis,
        double latencyP99Millis,
        Map<String, DecisionOutcome> decisions) {

    /** Questions that got a decision, and the share of them whose best source had the right intent. */
    public record DecisionOutcome(int count, double share, double correct) {}
}
