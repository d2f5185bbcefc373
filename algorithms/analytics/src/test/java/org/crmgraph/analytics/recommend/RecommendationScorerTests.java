package org.crmgraph.analytics.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecommendationScorerTests {

    @Test
    void boughtProductsAreNeverRecommendedAndTheStrongestSignalExplains() {
        Evidence evidence = new Evidence(
                Set.of("A", "B"),
                List.of(
                        new Evidence.ItemLink("A", "Apple", "C", 0.9),
                        new Evidence.ItemLink("B", "Banana", "C", 0.2),
                        new Evidence.ItemLink("A", "Apple", "B", 0.8)),
                Map.of("D", new Evidence.PeerVotes(1.5, 3), "A", new Evidence.PeerVotes(2.0, 4)),
                Map.of("E", 0.4),
                Map.of("F", 0.9),
                "GB",
                Map.of("F", 0.5, "G", 0.9));
        List<ScoredProduct> ranked = RecommendationScorer.rank(evidence, 10);
        assertThat(ranked)
                .extracting(ScoredProduct::sku)
                .doesNotContain("A", "B")
                .containsExactly("C", "D", "E", "F", "G");
        assertThat(ranked.get(0).explanation()).isEqualTo("because you bought Apple");
        assertThat(ranked.get(1).explanation()).isEqualTo("bought by 3 customers with baskets like yours");
        assertThat(ranked.get(2).explanation()).isEqualTo("popular in your community: 40% of its customers bought it");
        assertThat(ranked.get(3).explanation()).isEqualTo("popular with customers in GB");
        assertThat(ranked.get(4).explanation()).isEqualTo("a best seller");
        assertThat(ranked).allSatisfy(p -> assertThat(p.score()).isBetween(0.0, 1.0));
    }

    @Test
    void withoutHistoryTheBestSellersComeFirstAndTheListIsCut() {
        Evidence evidence = new Evidence(
                Set.of(),
                List.of(),
                Map.of(),
                Map.of(),
                Map.of("X", 0.5, "Y", 0.7, "Z", 0.1),
                "ALL",
                Map.of("X", 0.5, "Y", 0.7, "Z", 0.1));
        List<ScoredProduct> ranked = RecommendationScorer.rank(evidence, 2);
        assertThat(ranked).extracting(ScoredProduct::sku).containsExactly("Y", "X");
        assertThat(ranked).extracting(ScoredProduct::explanation).containsOnly("a best seller");
    }

    @Test
    void complementsRankAndAreExplainedByTheBoughtProductThatBringsThem() {
        Evidence evidence = new Evidence(
                Set.of("A"),
                List.of(new Evidence.ItemLink("A", "Apple", "S", 0.9)),
                Map.of(),
                Map.of(),
                Map.of(),
                "GB",
                Map.of(),
                List.of(
                        new Evidence.ItemLink("A", "Apple", "C", 0.4),
                        new Evidence.ItemLink("A", "Apple", "S", 0.1),
                        new Evidence.ItemLink("A", "Apple", "A", 0.9)));
        List<ScoredProduct> ranked = RecommendationScorer.rank(evidence, 10);
        // C: complements 8.0 * 1.0; S: similarity 1.0 * 1.0 + complements 8.0 * 0.25
        assertThat(ranked).extracting(ScoredProduct::sku).containsExactly("C", "S");
        assertThat(ranked.getFirst().explanation()).isEqualTo("because you bought Apple");
        assertThat(ranked.getFirst().via()).isEqualTo("A");
        // without the signal's weight the similar product leads
        assertThat(RecommendationScorer.rank(evidence, 10, new RecommendationScorer.Weights(1, 1, 0.3, 0.1, 0.001)))
                .extracting(ScoredProduct::sku)
                .containsExactly("S", "C");
    }

    @Test
    void aNegativeComplementWeightSinksACandidateTheBasketSpeaksAgainst() {
        Evidence evidence = new Evidence(
                Set.of("A", "B"),
                List.of(new Evidence.ItemLink("A", "Apple", "S", 0.9)),
                Map.of(),
                Map.of(),
                Map.of("M", 0.2, "S", 0.2),
                "GB",
                Map.of(),
                List.of(
                        new Evidence.ItemLink("A", "Apple", "C", 0.4),
                        new Evidence.ItemLink("A", "Apple", "S", 0.1),
                        new Evidence.ItemLink("B", "Bread", "S", -0.3)));
        List<ScoredProduct> ranked = RecommendationScorer.rank(evidence, 10);
        // S: similarity 1.0 + complements 8.0 * (0.1 - 0.3) / 0.4 + market 0.1 * 0.2 = -2.98: not recommended at all
        assertThat(ranked).extracting(ScoredProduct::sku).containsExactly("C", "M");
        assertThat(ranked).allSatisfy(p -> assertThat(p.score()).isBetween(0.0, 1.0));
        // with a smaller complements weight the similarity wins and S is back, explained by the similar product
        List<ScoredProduct> light =
                RecommendationScorer.rank(evidence, 10, new RecommendationScorer.Weights(1, 1, 0.3, 0.1, 0.001, 1));
        assertThat(light).extracting(ScoredProduct::sku).containsExactly("C", "S", "M");
        assertThat(light.get(1).explanation()).isEqualTo("because you bought Apple");
    }
}
