package org.crmgraph.analytics.evaluation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * What {@link RecommendationEvaluation} measured.
 *
 * @param protocol how the purchases to predict were chosen
 * @param cutoff   temporal protocol: purchases before it trained every method; the new products each customer bought
 *                 from it on are what the methods had to predict (null for the random protocol)
 * @param users    customers evaluated: those who bought before the cut-off and bought something new after it
 */
public record EvaluationReport(
        RecommendationEvaluation.Protocol protocol,
        int k,
        OffsetDateTime cutoff,
        int holdoutDays,
        int users,
        int catalogue,
        List<RankingMetrics.Result> results,
        long millis) {

    public String table() {
        StringBuilder out = new StringBuilder(
                protocol == RecommendationEvaluation.Protocol.TEMPORAL
                        ? String.format(
                                Locale.ROOT,
                                "Held out: purchases from %s on (%d days); trained on the rest. %d customers, %d products.%n",
                                cutoff,
                                holdoutDays,
                                users,
                                catalogue)
                        : String.format(
                                Locale.ROOT,
                                "Held out: a random quarter of the products of each customer with at least four; trained on"
                                        + " the rest. %d customers, %d products.%n",
                                users,
                                catalogue));
        out.append(String.format(
                Locale.ROOT,
                "%-28s %8s %8s %8s %8s %8s%n",
                "method",
                "HR@" + k,
                "NDCG@" + k,
                "P@" + k,
                "R@" + k,
                "coverage"));
        for (RankingMetrics.Result r : results) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-28s %8.4f %8.4f %8.4f %8.4f %8.4f%n",
                    r.method(),
                    r.hitRate(),
                    r.ndcg(),
                    r.precision(),
                    r.recall(),
                    r.coverage()));
        }
        return out.toString();
    }
}
