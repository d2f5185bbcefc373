package org.crmgraph.analytics.evaluation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmgraph.analytics.purchase.PurchaseHistory;
import org.crmgraph.analytics.recommend.EaseModel;

/** EASE^R as a baseline: every weight of the model, not the strongest few the graph keeps ({@link EaseModel}). */
final class EaseBaseline implements ItemBaseline {

    private final EaseModel model;

    EaseBaseline(PurchaseHistory train, double lambda) {
        this.model = EaseModel.fit(train, lambda, EaseModel.COVERED_PRODUCTS);
    }

    @Override
    public String name() {
        return "EASE^R (lambda " + (int) model.lambda() + ")";
    }

    @Override
    public List<String> recommend(Set<String> history, int k) {
        return model.scores(history).entrySet().stream()
                .filter(e -> e.getValue() > 0 && !history.contains(e.getKey()))
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(k)
                .map(Map.Entry::getKey)
                .toList();
    }
}
