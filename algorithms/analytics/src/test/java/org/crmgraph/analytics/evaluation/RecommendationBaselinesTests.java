package org.crmgraph.analytics.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmgraph.analytics.purchase.PurchaseHistory;
import org.junit.jupiter.api.Test;

class RecommendationBaselinesTests {

    // P2 is bought with P1 by two of P1's three buyers and is popular; P3 is bought with P1 once and by nobody else
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

    @Test
    void itemKnnRanksByShrunkCosineOfTheBuyerSets() {
        var index = new ItemIndex(HISTORY);
        // cosine(P1, P2) = 2 / sqrt(3 * 4) = 0.577, cosine(P1, P3) = 1 / sqrt(3 * 1) = 0.577: a tie, broken by SKU;
        // shrinkage discounts the overlap of the rarely bought P3: 2 / (3.46 + 10) against 1 / (1.73 + 10)
        assertThat(NeighbourBaseline.itemKnn(index, 10).recommend(Set.of("P1"), 2))
                .containsExactly("P2", "P3");
        assertThat(NeighbourBaseline.itemKnn(index, 0).recommend(Set.of("P1"), 1))
                .containsExactly("P2");
        // nothing already bought, nothing never bought with the history
        assertThat(NeighbourBaseline.itemKnn(index, 0).recommend(Set.of("P1"), 10))
                .doesNotContain("P1", "P4");
    }

    @Test
    void rp3betaWalksTheGraphAndBetaTurnsItAwayFromBestSellers() {
        var index = new ItemIndex(HISTORY);
        // from P1: P(P2) = 1/3 * (1/2 + 1/2) = 0.333, P(P3) = 1/3 * 1/2 = 0.167
        assertThat(NeighbourBaseline.rp3beta(index, 0).recommend(Set.of("P1"), 2))
                .containsExactly("P2", "P3");
        // divided by popularity: P2 (4 buyers) 0.333 / 4^0.7 = 0.126, P3 (1 buyer) 0.167
        assertThat(NeighbourBaseline.rp3beta(index, 0.7).recommend(Set.of("P1"), 2))
                .containsExactly("P3", "P2");
    }

    @Test
    void easeRecommendsWhatIsBoughtWithTheHistory() {
        List<String> fromP4 = new EaseBaseline(HISTORY, 1).recommend(Set.of("P4"), 3);
        // P4's buyers always bought P2 too
        assertThat(fromP4.getFirst()).isEqualTo("P2");
        assertThat(fromP4).doesNotContain("P4");
    }

    @Test
    void theRandomSplitHidesAQuarterOfEachLongHistoryAndIsRepeatable() {
        Map<String, Set<String>> products = new HashMap<>();
        products.put("long", new LinkedHashSet<>(List.of("A", "B", "C", "D", "E", "F", "G", "H")));
        products.put("short", new LinkedHashSet<>(List.of("A", "B", "C")));
        var all = new PurchaseHistory(products, Map.of());

        Map<String, Set<String>> hidden = new HashMap<>();
        PurchaseHistory train = RecommendationEvaluation.split(all, hidden, 42);
        Map<String, Set<String>> again = new HashMap<>();
        RecommendationEvaluation.split(all, again, 42);

        assertThat(hidden.get("long")).hasSize(2);
        assertThat(train.of("long")).hasSize(6).doesNotContainAnyElementsOf(hidden.get("long"));
        assertThat(hidden).doesNotContainKey("short");
        assertThat(train.of("short")).containsExactlyInAnyOrder("A", "B", "C");
        assertThat(again).isEqualTo(hidden);
    }
}
