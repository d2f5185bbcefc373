package org.crmgraph.analytics.churn;

import java.util.Arrays;

/**
 * The baseline a churn model must beat: "a customer who has bought nothing for {@code days} days has churned", with
 * the days chosen where the rule had its best F1 on the training snapshot, then judged on the test snapshot like the
 * model. Its ROC-AUC is recency's alone as a score.
 *
 * @param days the chosen threshold: recency of at least this many days is predicted churned
 */
public record RecencyRule(double days) {

    /** The threshold with the best F1 of the churned class on these customers (the smaller one on a tie). */
    static RecencyRule choose(double[] recency, boolean[] churned) {
        double[] candidates = Arrays.stream(recency).distinct().sorted().toArray();
        double best = Double.NEGATIVE_INFINITY;
        double chosen = candidates.length == 0 ? 0 : candidates[0];
        for (double days : candidates) {
            double f1 = ClassificationMetrics.of(recency, churned, days).f1();
            if (f1 > best) {
                best = f1;
                chosen = days;
            }
        }
        return new RecencyRule(chosen);
    }

    /** The rule's metrics on other customers (the test snapshot). */
    ClassificationMetrics evaluate(double[] recency, boolean[] churned) {
        return ClassificationMetrics.of(recency, churned, days);
    }
}
