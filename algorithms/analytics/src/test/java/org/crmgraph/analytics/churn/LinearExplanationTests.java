package org.crmgraph.analytics.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearExplanationTests {

    @Test
    void recoversTheWeightsOfAModelThatIsLinearInLogOddsAndSplitsEachCustomersRiskIntoThem() {
        // risk = logistic(-1 + 0.05 * recency - 0.3 * frequency): recency raises it, frequency lowers it, noise none
        Random random = new Random(3);
        int n = 500;
        double[][] features = new double[n][3];
        double[] risk = new double[n];
        for (int i = 0; i < n; i++) {
            features[i][0] = random.nextInt(200);
            features[i][1] = 1 + random.nextInt(10);
            features[i][2] = 7; // the same for everyone: no weight, no contribution
            double logit = -1 + 0.05 * features[i][0] - 0.3 * features[i][1];
            risk[i] = 1 / (1 + Math.exp(-logit));
        }

        LinearExplanation explanation = LinearExplanation.fit(features, risk);

        assertThat(explanation).isNotNull();
        assertThat(explanation.rSquared()).isGreaterThan(0.99);
        // per standard deviation: the raw weight times the feature's spread, shrunk by the ridge (1 / 1.05 for
        // uncorrelated features)
        assertThat(explanation.coefficients()[0]).isCloseTo(0.05 * explanation.sd()[0] / 1.05, within(0.05));
        assertThat(explanation.coefficients()[1]).isCloseTo(-0.3 * explanation.sd()[1] / 1.05, within(0.05));
        assertThat(explanation.coefficients()[2]).isZero();
        // a customer silent for long and seldom buying: both raise its risk above the average customer's
        double[] contributions = explanation.contributions(new double[] {190, 1, 7});
        assertThat(contributions[0]).isPositive();
        assertThat(contributions[1]).isPositive();
        assertThat(contributions[2]).isZero();
        // contributions are the customer's own: the average customer has none
        double[] average = explanation.contributions(explanation.mean());
        assertThat(average[0]).isCloseTo(0, within(1e-9));
    }

    @Test
    void featuresThatMoveTogetherShareTheWeightInsteadOfCancellingOut() {
        // orders and tenure equal for everyone, up to a tiny wobble: least squares alone gives them huge opposite
        // weights
        Random random = new Random(5);
        int n = 100;
        double[][] features = new double[n][2];
        double[] risk = new double[n];
        for (int i = 0; i < n; i++) {
            double orders = 1 + random.nextInt(12);
            features[i][0] = orders;
            features[i][1] = orders * 30 + random.nextDouble() * 1e-6;
            risk[i] = 1 / (1 + Math.exp(orders - 6));
        }

        LinearExplanation explanation = LinearExplanation.fit(features, risk);

        assertThat(explanation.coefficients()[0]).isNegative().isGreaterThan(-10);
        assertThat(explanation.coefficients()[1]).isNegative().isGreaterThan(-10);
        assertThat(explanation.coefficients()[0]).isCloseTo(explanation.coefficients()[1], within(0.01));
    }

    @Test
    void tooFewCustomersOrNothingVaryingGiveNoExplanation() {
        assertThat(LinearExplanation.fit(new double[][] {{1, 2}, {3, 4}}, new double[] {0.1, 0.2}))
                .isNull();
        assertThat(LinearExplanation.fit(new double[][] {{1}, {1}, {1}, {1}}, new double[] {0.1, 0.2, 0.3, 0.4}))
                .isNull();
    }
}
