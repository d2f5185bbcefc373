package org.crmgraph.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RfmScoreTests {

    @Test
    void distinctValuesFallIntoFifths() {
        double[] values = IntStream.rangeClosed(1, 101).mapToDouble(i -> i).toArray();
        int[] scores = CustomerMetrics.scores(values);
        assertThat(scores[0]).isEqualTo(1);
        assertThat(scores[100]).isEqualTo(5);
        for (int score = 1; score <= 5; score++) {
            int s = score;
            assertThat(Arrays.stream(scores).filter(x -> x == s).count()).isBetween(20L, 21L);
        }
    }

    @Test
    void equalValuesShareAScoreAndTheLowestGetsOne() {
        // most customers buy once: they all share the lowest frequency score
        int[] scores = CustomerMetrics.scores(new double[] {1, 1, 1, 1, 1, 1, 2, 2, 3, 10});
        assertThat(scores).containsExactly(1, 1, 1, 1, 1, 1, 4, 4, 5, 5);
        assertThat(CustomerMetrics.scores(new double[] {7})).containsExactly(5);
        assertThat(CustomerMetrics.scores(new double[] {})).isEmpty();
    }
}
