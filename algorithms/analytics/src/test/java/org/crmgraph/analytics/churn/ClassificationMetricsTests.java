package org.crmgraph.analytics.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTests {

    @Test
    void precisionRecallF1AndAucOfASmallExample() {
        double[] p = {0.9, 0.8, 0.4, 0.6, 0.2, 0.1};
        boolean[] churned = {true, true, true, false, false, false};
        ClassificationMetrics m = ClassificationMetrics.of(p, churned, 0.5);
        // predicted churn: 0.9, 0.8 (right), 0.6 (wrong); missed: 0.4
        assertThat(m.precision()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(m.recall()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(m.f1()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(m.accuracy()).isCloseTo(4.0 / 6, within(1e-9));
        // of 9 positive-negative pairs only (0.4, 0.6) is ordered wrongly
        assertThat(m.rocAuc()).isCloseTo(8.0 / 9, within(1e-9));
    }

    @Test
    void tiesCountHalfAndOneClassHasNoAuc() {
        assertThat(ClassificationMetrics.rocAuc(new double[] {0.5, 0.5}, new boolean[] {true, false}))
                .isEqualTo(0.5);
        assertThat(ClassificationMetrics.rocAuc(new double[] {0.1, 0.7}, new boolean[] {true, true}))
                .isNaN();
    }
}
