package org.crmgraph.analytics.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

class GammaGammaTests {

    // the parameters Fader, Hardie and Lee (2005) estimated on the CDNOW cohort's spend
    private static final GammaGamma CDNOW = new GammaGamma(6.25, 3.74, 15.44);

    @Test
    void aCustomersExpectedValueIsItsAverageShrunkTowardsThePopulations() {
        double population = CDNOW.populationMean();
        assertThat(population).isCloseTo(6.25 * 15.44 / 2.74, within(1e-9));
        assertThat(CDNOW.expectedValue(new RepeatPurchases("new", 0, 0, 10, 0, 20)))
                .isEqualTo(population);

        double once = CDNOW.expectedValue(new RepeatPurchases("once", 1, 5, 10, 100, 20));
        double often = CDNOW.expectedValue(new RepeatPurchases("often", 20, 9, 10, 100, 20));
        // E[M | x, m] = p (gamma + m x) / (p x + q - 1)
        assertThat(once).isCloseTo(6.25 * (15.44 + 100) / (6.25 + 2.74), within(1e-9));
        assertThat(once).isBetween(population, 100.0);
        assertThat(often).isBetween(once, 100.0);
    }

    @Test
    void fitRecoversTheMeanValueOfASimulatedPopulation() {
        var random = new MersenneTwister(11);
        var scales = new GammaDistribution(random, CDNOW.q(), 1 / CDNOW.gamma());
        List<RepeatPurchases> customers = new ArrayList<>();
        double ownMeansError = 0;
        double shrunkError = 0;
        List<double[]> truth = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            double nu = scales.sample();
            var values = new GammaDistribution(random, CDNOW.p(), 1 / nu);
            int repeats = 1 + random.nextInt(6);
            double sum = 0;
            for (int k = 0; k < repeats; k++) {
                sum += values.sample();
            }
            customers.add(new RepeatPurchases("c" + i, repeats, 1, 2, sum / repeats, 0));
            truth.add(new double[] {CDNOW.p() / nu});
        }

        GammaGamma fitted = GammaGamma.fit(customers);

        assertThat(fitted.logLikelihood(customers)).isGreaterThanOrEqualTo(CDNOW.logLikelihood(customers));
        assertThat(fitted.populationMean()).isCloseTo(CDNOW.populationMean(), within(0.1 * CDNOW.populationMean()));
        // shrinking towards the population predicts each customer's true mean better than its own few purchases do
        for (int i = 0; i < customers.size(); i++) {
            double trueMean = truth.get(i)[0];
            ownMeansError += Math.abs(customers.get(i).meanRepeatValue() - trueMean);
            shrunkError += Math.abs(fitted.expectedValue(customers.get(i)) - trueMean);
        }
        assertThat(shrunkError).isLessThan(ownMeansError);
    }

    @Test
    void refusesTooFewRepeatingCustomers() {
        List<RepeatPurchases> once = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            once.add(new RepeatPurchases("c" + i, 0, 0, 5, 0, 10));
        }
        assertThatThrownBy(() -> GammaGamma.fit(once)).hasMessageContaining("at least 10");
        assertThatThrownBy(() -> new GammaGamma(1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
