package org.crmgraph.importer.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Expectation maximisation recovers the parameters of a population drawn from a known model, without labels. */
class ExpectationMaximisationTests {

    private static final Comparison[] ALL = Comparison.values();

    private static int draw(double[] probabilities, Random random) {
        double x = random.nextDouble();
        for (int l = 0; l < probabilities.length; l++) {
            x -= probabilities[l];
            if (x <= 0) {
                return l;
            }
        }
        return probabilities.length - 1;
    }

    @Test
    void recoversLambdaAndTheLevelProbabilitiesOfASimulatedPopulation() {
        MatchModel truth = MatchModel.defaults();
        double lambda = 0.3;
        var random = new Random(7);
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            boolean match = random.nextDouble() < lambda;
            int[] levels = new int[ALL.length];
            for (Comparison c : ALL) {
                double[] p = match ? truth.m()[c.ordinal()] : truth.u()[c.ordinal()];
                // a tenth of the values are missing, at random
                levels[c.ordinal()] = random.nextDouble() < 0.1 ? Comparison.MISSING : draw(p, random);
            }
            pairs.add(levels);
        }
        // start from a deliberately wrong model: flat m, flat u, lambda 0.5
        double[][] m = new double[ALL.length][];
        double[][] u = new double[ALL.length][];
        for (Comparison c : ALL) {
            int n = c.levelCount();
            m[c.ordinal()] = new double[n];
            u[c.ordinal()] = new double[n];
            for (int l = 0; l < n; l++) {
                // agreement a little likelier among matches: the only thing EM is told
                m[c.ordinal()][l] = (l + 1.0) / (n * (n + 1) / 2.0);
                u[c.ordinal()][l] = (n - l + 0.0) / (n * (n + 1) / 2.0);
            }
        }
        MatchModel fitted = ExpectationMaximisation.fit(pairs, new MatchModel(0.5, m, u, 0), 500);

        assertThat(fitted.lambda()).isCloseTo(lambda, within(0.01));
        for (Comparison c : List.of(Comparison.GIVEN_NAME, Comparison.BIRTH_DATE, Comparison.POSTCODE)) {
            int exact = c.levelCount() - 1;
            assertThat(fitted.m()[c.ordinal()][exact])
                    .as("m of %s EXACT", c)
                    .isCloseTo(truth.m()[c.ordinal()][exact], within(0.02));
            assertThat(fitted.u()[c.ordinal()][0])
                    .as("u of %s DIFFERENT", c)
                    .isCloseTo(truth.u()[c.ordinal()][0], within(0.02));
        }
    }

    @Test
    void aPairAgreeingOnEverythingIsAMatchAndOneDisagreeingIsNot() {
        MatchModel model = MatchModel.defaults();
        int[] agree = new int[ALL.length];
        int[] disagree = new int[ALL.length];
        for (Comparison c : ALL) {
            agree[c.ordinal()] = c.levelCount() - 1;
        }
        assertThat(model.probability(agree)).isGreaterThan(0.999);
        assertThat(model.probability(disagree)).isLessThan(0.001);
        // weights are log2(m/u): the birth date's EXACT level, m 0.80 and u 0.001
        assertThat(model.weight(Comparison.BIRTH_DATE, 3)).isCloseTo(Math.log(800) / Math.log(2), within(1e-9));
        assertThat(model.weight(Comparison.BIRTH_DATE, Comparison.MISSING)).isZero();
    }

    @Test
    void noPairsLeaveTheModelAsItWas() {
        MatchModel model = MatchModel.defaults();
        assertThat(ExpectationMaximisation.fit(List.of(), model, 10)).isSameAs(model);
    }
}
