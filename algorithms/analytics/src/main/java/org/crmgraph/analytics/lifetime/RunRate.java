package org.crmgraph.analytics.lifetime;

/**
 * The lifetime value as a formula: spend per day so far times the days ahead. What the model is graded against, and
 * what customers keep when no model could be fitted or the formula beat it.
 */
public final class RunRate {

    /** Tenure shorter than this counts as this long, so a first order is not taken for a year's pace. */
    public static final int MINIMUM_TENURE_DAYS = 90;

    private RunRate() {}

    /** The spend expected in {@code days} from {@code spent} over {@code tenureDays}. */
    public static double value(double spent, double tenureDays, double days) {
        return spent * days / Math.max(MINIMUM_TENURE_DAYS, tenureDays);
    }
}
