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
        List<String> topFeatures) {}
