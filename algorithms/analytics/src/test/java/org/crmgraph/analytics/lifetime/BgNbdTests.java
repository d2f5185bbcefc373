package org.crmgraph.analytics.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BgNbdTests {

    // the parameters Fader, Hardie and Lee (2005) estimated on the CDNOW cohort, in weeks, to the four decimals of
    // Hardie's spreadsheet (the paper prints three, which moves E[X(78)] by 3e-3)
    private static final BgNbd CDNOW = new BgNbd(0.2426, 4.4135, 0.7931, 2.4259);

    @Test
    void expectationsMatchThePublishedSpreadsheet() {
        // Hardie's spreadsheet for the paper: E[X(t)] for a new customer at these t
        double[] weeks = {0.1429, 1.0, 3.00, 31.8571, 32.00, 78.00};
        double[] expected = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
        for (int i = 0; i < weeks.length; i++) {
            assertThat(CDNOW.expectedPurchases(weeks[i])).isCloseTo(expected[i], within(5e-4));
        }
        // and the paper's worked example: 2 repeats, the last at 30.43 weeks, observed for 38.86 weeks: 1.226 purchases
        // expected in the next 39
        var customer = new RepeatPurchases("c", 2, 30.43, 38.86, 0, 0);
        assertThat(CDNOW.expectedPurchases(39, customer)).isCloseTo(1.226, within(5e-4));
    }

    @Test
    void aCustomerWithoutRepeatsIsAliveAndOneSilentSinceLongAgoProbablyNot() {
        assertThat(CDNOW.probabilityAlive(new RepeatPurchases("new", 0, 0, 38, 0, 0)))
                .isEqualTo(1.0);
        double recent = CDNOW.probabilityAlive(new RepeatPurchases("recent", 6, 37, 38, 0, 0));
        double silent = CDNOW.probabilityAlive(new RepeatPurchases("silent", 6, 5, 38, 0, 0));
        assertThat(recent).isGreaterThan(0.85);
        assertThat(silent).isLessThan(0.1);
        // the silent customer is expected to buy less than the recent one, though both bought as often
        assertThat(CDNOW.expectedPurchases(39, new RepeatPurchases("silent", 6, 5, 38, 0, 0)))
                .isLessThan(CDNOW.expectedPurchases(39, new RepeatPurchases("recent", 6, 37, 38, 0, 0)) / 5);
    }

    @Test
    void fitRecoversTheParametersOfASimulatedPopulationAndPredictsItsHoldout() {
        Simulated population = simulate(CDNOW, 6_000, 39, new MersenneTwister(7));

        BgNbd fitted = BgNbd.fit(population.calibration());

        // a maximum-likelihood fit is at least as likely as the truth on its own data (but for the weak prior's
        // pull, worth less than a unit of log-likelihood on 6,000 customers)
        assertThat(fitted.logLikelihood(population.calibration()))
                .isGreaterThan(CDNOW.logLikelihood(population.calibration()) - 1);
        // the mean purchase rate r / alpha is what the data pins down best
        assertThat(fitted.r() / fitted.alpha())
                .isCloseTo(CDNOW.r() / CDNOW.alpha(), within(0.1 * CDNOW.r() / CDNOW.alpha()));
        double predicted = 0;
        for (RepeatPurchases customer : population.calibration()) {
            predicted += fitted.expectedPurchases(39, customer);
        }
        assertThat(predicted).isCloseTo(population.holdoutPurchases(), within(0.1 * population.holdoutPurchases()));
    }

    @Test
    void customersWhoAllBuyAtOneRateStillGetAFiniteModelThatSeesTheLapsed() {
        // 30 customers buying every 4 weeks for 48 weeks, 10 who bought 4 times and then stopped: no spread of rates,
        // the case where the likelihood alone sends r and alpha to infinity
        List<RepeatPurchases> customers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            customers.add(new RepeatPurchases("regular" + i, 12, 48, 50, 20, 20));
        }
        for (int i = 0; i < 10; i++) {
            customers.add(new RepeatPurchases("lapsed" + i, 3, 12, 50, 20, 20));
        }

        BgNbd fitted = BgNbd.fit(customers);

        assertThat(fitted.r()).isLessThan(1e6);
        assertThat(fitted.alpha()).isLessThan(1e6);
        assertThat(fitted.probabilityAlive(customers.getFirst())).isGreaterThan(0.9);
        assertThat(fitted.probabilityAlive(customers.getLast())).isLessThan(0.2);
    }

    @Test
    void refusesTooSmallAPopulationAndImpossibleParameters() {
        assertThatThrownBy(() -> BgNbd.fit(List.of(new RepeatPurchases("a", 1, 1, 2, 10, 10))))
                .hasMessageContaining("at least 20");
        assertThatThrownBy(() -> new BgNbd(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RepeatPurchases("late", 1, 5, 4, 0, 0)).hasMessageContaining("late");
    }

    record Simulated(List<RepeatPurchases> calibration, long holdoutPurchases) {}

    /** Customers who made their first purchase at a time spread over the first 12 weeks, observed to week 39, then {@code holdout} more. */
    static Simulated simulate(BgNbd model, int customers, double holdout, RandomGenerator random) {
        var rates = new GammaDistribution(random, model.r(), 1 / model.alpha());
        var dropouts = new BetaDistribution(random, model.a(), model.b());
        List<RepeatPurchases> calibration = new ArrayList<>(customers);
        long holdoutPurchases = 0;
        for (int i = 0; i < customers; i++) {
            double age = 39 - 12 * random.nextDouble();
            double rate = rates.sample();
            double dropout = dropouts.sample();
            double time = 0;
            double last = 0;
            int repeats = 0;
            while (true) {
                time += -Math.log(1 - random.nextDouble()) / rate;
                if (time > age + holdout) {
                    break;
                }
                if (time <= age) {
                    repeats++;
                    last = time;
                } else {
                    holdoutPurchases++;
                }
                if (random.nextDouble() < dropout) {
                    break;
                }
            }
            calibration.add(new RepeatPurchases("c" + i, repeats, last, age, 0, 0));
        }
        return new Simulated(calibration, holdoutPurchases);
    }
}
