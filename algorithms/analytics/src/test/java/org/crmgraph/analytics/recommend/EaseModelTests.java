package org.crmgraph.analytics.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmgraph.analytics.purchase.PurchaseHistory;
import org.crmgraph.analytics.similarity.Neighbour;
import org.junit.jupiter.api.Test;

class EaseModelTests {

    private static final PurchaseHistory HISTORY = history(Map.of(
            "a", List.of("P1", "P2"),
            "b", List.of("P1", "P2"),
            "c", List.of("P1", "P3"),
            "d", List.of("P2", "P4"),
            "e", List.of("P2", "P4")));

    private static PurchaseHistory history(Map<String, List<String>> bought) {
        Map<String, Set<String>> products = new HashMap<>();
        bought.forEach((customer, skus) -> products.put(customer, new LinkedHashSet<>(skus)));
        return new PurchaseHistory(products, Map.of());
    }

    // reference: numpy, P = inv(X'X + 1 I), B = -P / diag(P) column by column, diag(B) = 0
    @Test
    void weightsAreTheClosedFormOfSteck2019() {
        Map<String, Double> fromP1 = EaseModel.fit(HISTORY, 1, 10).scores(Set.of("P1"));
        assertThat(fromP1.get("P1")).isZero();
        assertThat(fromP1.get("P2")).isCloseTo(0.5714285714, within(1e-9));
        assertThat(fromP1.get("P3")).isCloseTo(0.34375, within(1e-9));
        assertThat(fromP1.get("P4")).isCloseTo(-0.2962962963, within(1e-9));
        // a basket's scores are the sum of its products' rows
        Map<String, Double> fromP1AndP4 = EaseModel.fit(HISTORY, 1, 10).scores(Set.of("P1", "P4"));
        assertThat(fromP1AndP4.get("P3")).isCloseTo(0.34375 + 0.125, within(1e-9));
    }

    @Test
    void theGraphKeepsTheWeightsLargestInSizeOfBothSigns() {
        Map<String, List<Neighbour>> two = EaseModel.fit(HISTORY, 1, 10).strongest(2);
        // P1: P2 0.571, P3 0.344 kept; P4 -0.296 is smaller in size
        assertThat(two.get("P1")).extracting(Neighbour::key).containsExactly("P2", "P3");
        // P3: P1 0.5, then P2 -0.286 before P4 0.148: a negative weight is kept when it is larger
        assertThat(two.get("P3")).extracting(Neighbour::key).containsExactly("P1", "P2");
        assertThat(two.get("P3").get(1).score()).isCloseTo(-0.2857142857, within(1e-9));
        // never a product to itself
        EaseModel.fit(HISTORY, 1, 10)
                .strongest(10)
                .forEach((sku, links) ->
                        assertThat(links).extracting(Neighbour::key).doesNotContain(sku));
    }

    @Test
    void onlyTheMostBoughtProductsAreCovered() {
        // P2 (4 buyers) and P1 (3) only: the others get no weights and no scores
        EaseModel model = EaseModel.fit(HISTORY, 1, 2);
        assertThat(model.strongest(10)).containsOnlyKeys("P1", "P2");
        assertThat(model.scores(Set.of("P4"))).containsOnlyKeys("P1", "P2").containsValues(0.0, 0.0);
    }
}
