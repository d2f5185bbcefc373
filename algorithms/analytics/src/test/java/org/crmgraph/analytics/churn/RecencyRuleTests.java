package org.crmgraph.analytics.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RecencyRuleTests {

    @Test
    void choosesTheThresholdWithTheBestF1OnTrainingAndIsJudgedOnOtherCustomers() {
        // those silent for 60 days or more churned, but for one at 90 who came back and one at 30 who did not
        double[] recency = {5, 10, 20, 30, 60, 70, 80, 90};
        boolean[] churned = {false, false, false, true, true, true, true, false};

        RecencyRule rule = RecencyRule.choose(recency, churned);

        // at 30: tp 4, fp 1, fn 0 -> F1 0.889; at 60: tp 3, fp 1, fn 1 -> F1 0.75
        assertThat(rule.days()).isEqualTo(30);
        ClassificationMetrics test = rule.evaluate(new double[] {10, 40, 100}, new boolean[] {false, true, false});
        assertThat(test.precision()).isCloseTo(0.5, within(1e-9));
        assertThat(test.recall()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aTieKeepsTheSmallerThreshold() {
        RecencyRule rule = RecencyRule.choose(new double[] {10, 20, 30}, new boolean[] {true, true, true});
        assertThat(rule.days()).isEqualTo(10);
    }
}
