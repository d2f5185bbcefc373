package org.crmgraph.analytics.churn;

import java.util.List;
import java.util.Locale;

/**
 * A trained and evaluated churn model, as stored on its {@code (:ChurnModel)} node.
 *
 * @param version        the model's name, also written on every customer it scored ({@code churnModel})
 * @param algorithm      what GDS model selection chose: LogisticRegression or RandomForest
 * @param validationF1   F1 of the churned class in GDS's cross-validation on the training snapshot
 * @param test           metrics on the later, time-based test snapshot the model never saw
 * @param topFeatures    features by how strongly the model's churn probability moves with them on the test
 *                       snapshot (correlation, sign: + raises risk)
 * @param scored         customers given a churn probability
 * @param skipped        why no model was trained, or null
 * @param baselineDays   the "no purchase in N days" rule's N, chosen on the training snapshot
 * @param baseline       that rule's metrics on the test snapshot
 * @param explanationR2  how much of the scores' log-odds the linear surrogate behind the explanations captures (NaN
 *                       without one)
 */
public record ChurnModelReport(
        String version,
        String algorithm,
        int horizonDays,
        double validationF1,
        ClassificationMetrics test,
        List<String> topFeatures,
        int scored,
        String skipped,
        double baselineDays,
        ClassificationMetrics baseline,
        double explanationR2) {

    static ChurnModelReport skipped(String why) {
        return new ChurnModelReport(null, null, 0, Double.NaN, null, List.of(), 0, why, Double.NaN, null, Double.NaN);
    }

    public String summary() {
        if (skipped != null) {
            return "no churn model: " + skipped;
        }
        return String.format(
                Locale.ROOT,
                "%s (%s, %d days): test precision %.3f, recall %.3f, F1 %.3f, ROC-AUC %.3f "
                        + "on %d customers (the best 'no purchase in %.0f days' rule: F1 %.3f, ROC-AUC %.3f); "
                        + "%d customers scored; top features %s (surrogate R2 %.2f)",
                version,
                algorithm,
                horizonDays,
                test.precision(),
                test.recall(),
                test.f1(),
                test.rocAuc(),
                test.examples(),
                baselineDays,
                baseline.f1(),
                baseline.rocAuc(),
                scored,
                topFeatures,
                explanationR2);
    }

    public double precision() {
        return test == null ? Double.NaN : test.precision();
    }

    public double recall() {
        return test == null ? Double.NaN : test.recall();
    }

    public double f1() {
        return test == null ? Double.NaN : test.f1();
    }

    public double rocAuc() {
        return test == null ? Double.NaN : test.rocAuc();
    }
}
