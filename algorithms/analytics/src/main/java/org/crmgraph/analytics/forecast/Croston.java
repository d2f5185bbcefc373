package org.crmgraph.analytics.forecast;

/**
 * Croston's method for intermittent demand: demand sizes and the intervals between demands are smoothed separately
 * and the forecast per period is size over interval, here with the Syntetos-Boylan correction {@code (1 - alpha/2)},
 * which removes Croston's upward bias.
 */
final class Croston {

    private Croston() {}

    static double sba(double[] y, double alpha) {
        double size = Double.NaN;
        double interval = Double.NaN;
        int since = 1;
        for (double value : y) {
            if (value != 0) {
                if (Double.isNaN(size)) {
                    size = value;
                    interval = since;
                } else {
                    size += alpha * (value - size);
                    interval += alpha * (since - interval);
                }
                since = 1;
            } else {
                since++;
            }
        }
        return Double.isNaN(size) ? 0 : (1 - alpha / 2) * size / interval;
    }
}
