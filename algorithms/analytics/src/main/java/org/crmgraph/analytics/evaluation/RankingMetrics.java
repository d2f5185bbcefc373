package org.crmgraph.analytics.evaluation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Top-K ranking metrics averaged over customers, plus catalogue coverage. Relevance is binary: a recommended
 * product is relevant when the customer bought it in the held-out period.
 */
public final class RankingMetrics {

    private final int k;
    private final int catalogueSize;
    private final Set<String> recommended = new HashSet<>();
    private int users;
    private double hits, ndcg, precision, recall;

    public RankingMetrics(int k, int catalogueSize) {
        this.k = k;
        this.catalogueSize = catalogueSize;
    }

    public void add(List<String> ranking, Set<String> relevant) {
        List<String> top = ranking.subList(0, Math.min(k, ranking.size()));
        recommended.addAll(top);
        int found = 0;
        double dcg = 0;
        for (int i = 0; i < top.size(); i++) {
            if (relevant.contains(top.get(i))) {
                found++;
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        users++;
        hits += found > 0 ? 1 : 0;
        ndcg += ideal == 0 ? 0 : dcg / ideal;
        precision += (double) found / k;
        recall += relevant.isEmpty() ? 0 : (double) found / relevant.size();
    }

    public Result result(String method) {
        return new Result(
                method,
                users,
                ratio(hits),
                ratio(ndcg),
                ratio(precision),
                ratio(recall),
                catalogueSize == 0 ? 0 : (double) recommended.size() / catalogueSize);
    }

    private double ratio(double sum) {
        return users == 0 ? 0 : sum / users;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** One method's figures at K: hit rate, NDCG, precision, recall, and the share of the catalogue it ever recommended. */
    public record Result(
            String method, int users, double hitRate, double ndcg, double precision, double recall, double coverage) {}
}
