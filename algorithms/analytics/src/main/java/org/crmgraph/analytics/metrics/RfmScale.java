package org.crmgraph.analytics.metrics;

import java.util.Arrays;

/**
 * The score boundaries of the last full refresh, kept so one customer can be scored between refreshes without ranking
 * everyone again: {@code cuts[s - 2]} is the smallest value that got a score of {@code s} or more (2 to 5), and a
 * value scores 1 + the number of boundaries it reaches. For every value the refresh ranked this gives the score the
 * refresh gave; a new value is scored as if it had been ranked among the old ones.
 */
public final class RfmScale {

    /** Stands for "no value reached this score" (Neo4j keeps no infinities). */
    static final double NONE = Double.MAX_VALUE;

    private RfmScale() {}

    /** The boundaries of {@code scores} (1 to 5) given to {@code values}. */
    public static double[] cuts(double[] values, int[] scores) {
        double[] cuts = new double[4];
        Arrays.fill(cuts, NONE);
        for (int i = 0; i < values.length; i++) {
            for (int s = 2; s <= scores[i]; s++) {
                cuts[s - 2] = Math.min(cuts[s - 2], values[i]);
            }
        }
        return cuts;
    }

    /** 1 to 5: one more than the boundaries {@code value} reaches. */
    public static int score(double value, double[] cuts) {
        int score = 1;
        for (double cut : cuts) {
            if (cut != NONE && value >= cut) {
                score++;
            }
        }
        return score;
    }
}
