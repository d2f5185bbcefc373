package org.crmgraph.analytics.insight;

import java.time.OffsetDateTime;
import java.util.List;

/** A stored churn model's figures (see {@code ChurnPrediction}); test metrics are from the time-based test snapshot. */
public record ChurnModelInfo(
        String version,
        boolean current,
        String algorithm,
        int horizonDays,
        OffsetDateTime trainedAt,
        OffsetDateTime trainSnapshot,
        OffsetDateTime testSnapshot,
        double validationF1,
        double precision,
        double recall,
        double f1,
        double accuracy,
        Double rocAuc,
        int testCustomers,
        int testChurned,
        int scored,
        List<String> topFeatures,
        Baseline baseline,
        Double f1Lift,
        Double explanationR2) {

    /**
     * The best "no purchase in N days" rule: N chosen on the training snapshot, metrics on the test snapshot.
     *
     * @param rocAuc recency's alone as a score
     */
    public record Baseline(int days, double precision, double recall, double f1, Double rocAuc) {}
}
