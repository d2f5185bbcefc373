package org.crmgraph.analytics.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingMetricsTests {

    @Test
    void hitRateNdcgPrecisionRecallAndCoverageAreAveragedOverCustomers() {
        RankingMetrics metrics = new RankingMetrics(3, 10);
        // relevant at ranks 1 and 3 of 2 relevant: DCG = 1 + 1/log2(4) = 1.5, IDCG = 1 + 1/log2(3)
        metrics.add(List.of("a", "b", "c"), Set.of("a", "c"));
        // nothing relevant recommended
        metrics.add(List.of("d", "e", "f"), Set.of("z"));
        RankingMetrics.Result result = metrics.result("m");
        assertThat(result.users()).isEqualTo(2);
        assertThat(result.hitRate()).isEqualTo(0.5);
        assertThat(result.ndcg()).isCloseTo((1.5 / (1 + 1 / (Math.log(3) / Math.log(2)))) / 2, within(1e-9));
        assertThat(result.precision()).isCloseTo((2.0 / 3) / 2, within(1e-9));
        assertThat(result.recall()).isCloseTo(0.5, within(1e-9));
        assertThat(result.coverage()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void aPerfectRankingScoresOne() {
        RankingMetrics metrics = new RankingMetrics(10, 3);
        metrics.add(List.of("a", "b"), Set.of("a", "b"));
        assertThat(metrics.result("m").ndcg()).isCloseTo(1.0, within(1e-12));
        assertThat(metrics.result("m").recall()).isEqualTo(1.0);
    }
}
