package org.crmgraph.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Scoring on the kept boundaries gives every ranked value the score the full ranking gave it. */
class RfmScaleTests {

    @Test
    void everyRankedValueScoresAsTheFullRankingScoredIt() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(60);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                // few distinct values, so ties and skipped scores occur
                values[i] = random.nextInt(1 + random.nextInt(12)) * 10.0;
            }
            int[] scores = CustomerMetrics.scores(values);
            double[] cuts = RfmScale.cuts(values, scores);
            for (int i = 0; i < n; i++) {
                assertThat(RfmScale.score(values[i], cuts))
                        .as("value %s of %s", values[i], n)
                        .isEqualTo(scores[i]);
            }
        }
    }

    @Test
    void aNewValueScoresByWhereItFallsAmongTheRankedOnes() {
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        double[] cuts = RfmScale.cuts(values, CustomerMetrics.scores(values));
        assertThat(RfmScale.score(0, cuts)).isEqualTo(1);
        assertThat(RfmScale.score(1000, cuts)).isEqualTo(5);
        assertThat(RfmScale.score(6.5, cuts)).isEqualTo(RfmScale.score(6, cuts));
    }
}
