package org.crmgraph.analytics.forecast;

/**
 * One way of forecasting a regular series: from {@code history} (oldest first, zeros for periods without sales) and the
 * season's length, the next {@code horizon} values. Implementations fit their own parameters to the history.
 */
public interface ForecastMethod {

    /** The name shown as a forecast's model and in the evaluation's tables. */
    String name();

    /** Whether the method can say anything from a history this long (a seasonal one needs two seasons). */
    default boolean fits(int length, int season) {
        return length >= 1;
    }

    double[] forecast(double[] history, int horizon, int season);
}
