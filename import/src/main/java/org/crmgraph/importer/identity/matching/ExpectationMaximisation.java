package org.crmgraph.importer.identity.matching;

import java.util.List;

/**
 * Estimates a {@link MatchModel} from unlabelled candidate pairs (Fellegi-Sunter by expectation maximisation, as
 * Splink does): each round weighs every pair by its probability of being one person under the current model (E),
 * then re-counts each comparison level among matches and non-matches with those weights (M). Missing values count
 * for neither. The model is estimated on the pairs blocking produces, which are the only pairs it is ever applied
 * to, so its {@code lambda} and {@code u} describe candidate pairs, not all pairs.
 */
public final class ExpectationMaximisation {

    private static final Comparison[] ALL = Comparison.values();
    /** Pseudo-counts per level, so a level never seen keeps a small probability. */
    private static final double SMOOTHING = 0.5;

    private ExpectationMaximisation() {}

    /**
     * @param pairs         comparison vectors of candidate pairs (levels per {@link Comparison}, or missing)
     * @param start         where to start: the defaults, or the last estimate
     * @param maxIterations rounds at most; stops earlier when no parameter moves by more than 1e-5
     */
    public static MatchModel fit(List<int[]> pairs, MatchModel start, int maxIterations) {
        if (pairs.isEmpty()) {
            return start;
        }
        double lambda = start.lambda();
        double[][] m = copy(start.m());
        double[][] u = copy(start.u());
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            MatchModel current = new MatchModel(lambda, m, u, pairs.size());
            double[][] mCounts = zeros(m);
            double[][] uCounts = zeros(u);
            double matches = 0;
            for (int[] levels : pairs) {
                double p = current.probability(levels);
                matches += p;
                for (Comparison comparison : ALL) {
                    int level = levels[comparison.ordinal()];
                    if (level != Comparison.MISSING) {
                        mCounts[comparison.ordinal()][level] += p;
                        uCounts[comparison.ordinal()][level] += 1 - p;
                    }
                }
            }
            double nextLambda = Math.min(Math.max(matches / pairs.size(), 1e-6), 1 - 1e-6);
            double[][] nextM = normalise(mCounts);
            double[][] nextU = normalise(uCounts);
            double change = Math.abs(nextLambda - lambda) + Math.max(maxChange(m, nextM), maxChange(u, nextU));
            lambda = nextLambda;
            m = nextM;
            u = nextU;
            if (change < 1e-5) {
                break;
            }
        }
        return new MatchModel(lambda, m, u, pairs.size());
    }

    private static double[][] normalise(double[][] counts) {
        double[][] out = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            double total = 0;
            for (double c : counts[i]) {
                total += c + SMOOTHING;
            }
            out[i] = new double[counts[i].length];
            for (int l = 0; l < counts[i].length; l++) {
                out[i][l] = (counts[i][l] + SMOOTHING) / total;
            }
        }
        return out;
    }

    private static double maxChange(double[][] a, double[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int l = 0; l < a[i].length; l++) {
                max = Math.max(max, Math.abs(a[i][l] - b[i][l]));
            }
        }
        return max;
    }

    private static double[][] zeros(double[][] shape) {
        double[][] out = new double[shape.length][];
        for (int i = 0; i < shape.length; i++) {
            out[i] = new double[shape[i].length];
        }
        return out;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
