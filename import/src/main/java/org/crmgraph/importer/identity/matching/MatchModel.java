package org.crmgraph.importer.identity.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * A Fellegi-Sunter model: for each comparison level, its probability among pairs that are one person ({@code m})
 * and among pairs that are not ({@code u}), and the share of candidate pairs that are one person ({@code lambda}).
 * A pair's match weight is the sum of {@code log2(m/u)} over its fields plus the prior's log-odds; its probability
 * follows. Fields are assumed independent given the match status, as in Splink.
 *
 * @param pairs how many candidate pairs it was estimated from; 0 for the built-in defaults
 */
public record MatchModel(double lambda, double[][] m, double[][] u, long pairs) {

    private static final Comparison[] ALL = Comparison.values();
    /** No level is ever impossible: a zero would make one field veto every other. */
    static final double FLOOR = 1e-5;

    /**
     * Priors for a graph too small to estimate from: agreement is likely among matches and rare among others, the
     * likelier the more specific the field. Estimated models replace them (see {@link ExpectationMaximisation}).
     */
    public static MatchModel defaults() {
        double[][] m = new double[ALL.length][];
        double[][] u = new double[ALL.length][];
        for (Comparison comparison : ALL) {
            int i = comparison.ordinal();
            switch (comparison) {
                case GIVEN_NAME, FAMILY_NAME -> {
                    m[i] = new double[] {0.04, 0.08, 0.10, 0.78};
                    u[i] = new double[] {0.93, 0.04, 0.02, 0.01};
                }
                case BIRTH_DATE -> {
                    m[i] = new double[] {0.05, 0.05, 0.10, 0.80};
                    u[i] = new double[] {0.985, 0.01, 0.004, 0.001};
                }
                case STREET -> {
                    m[i] = new double[] {0.08, 0.10, 0.12, 0.70};
                    u[i] = new double[] {0.95, 0.04, 0.009, 0.001};
                }
                case POSTCODE, CITY -> {
                    m[i] = new double[] {0.10, 0.10, 0.80};
                    u[i] = new double[] {0.93, 0.05, 0.02};
                }
                case REGION -> {
                    m[i] = new double[] {0.05, 0.95};
                    u[i] = new double[] {0.70, 0.30};
                }
                case EMAIL, PHONE -> {
                    m[i] = new double[] {0.30, 0.70};
                    u[i] = new double[] {0.999, 0.001};
                }
            }
        }
        return new MatchModel(0.05, m, u, 0);
    }

    /** The weight of one field at one level (0 when missing). */
    public double weight(Comparison comparison, int level) {
        if (level == Comparison.MISSING) {
            return 0;
        }
        int i = comparison.ordinal();
        return log2(Math.max(m[i][level], FLOOR) / Math.max(u[i][level], FLOOR));
    }

    /** The prior's log-odds plus every field's weight. */
    public double matchWeight(int[] levels) {
        double total = log2(lambda / (1 - lambda));
        for (Comparison comparison : ALL) {
            total += weight(comparison, levels[comparison.ordinal()]);
        }
        return total;
    }

    public double probability(int[] levels) {
        double weight = matchWeight(levels);
        return 1 / (1 + Math.pow(2, -weight));
    }

    public List<FieldEvidence> evidence(PairComparison pair) {
        List<FieldEvidence> evidence = new ArrayList<>(ALL.length);
        for (Comparison comparison : ALL) {
            int level = pair.levels()[comparison.ordinal()];
            String name = level == Comparison.MISSING
                    ? "MISSING"
                    : comparison.levels().get(level);
            if (pair.namesSwapped() && (comparison == Comparison.GIVEN_NAME || comparison == Comparison.FAMILY_NAME)) {
                name = name + "_SWAPPED";
            }
            evidence.add(new FieldEvidence(comparison.name(), name, round(weight(comparison, level))));
        }
        return evidence;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
