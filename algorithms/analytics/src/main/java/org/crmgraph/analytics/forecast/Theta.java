package org.crmgraph.analytics.forecast;

/**
 * The standard Theta method as Hyndman and Billah (2003) showed it to be: simple exponential smoothing plus a drift of
 * half the slope of the series' linear trend, {@code b/2 * (h - 1 + 1/alpha - (1 - alpha)^n / alpha)} at step h. With
 * two seasons of history the series is first seasonally adjusted (additive indices from a centred moving average) and
 * the season added back to the forecast.
 */
final class Theta {

    private Theta() {}

    static double[] forecast(double[] y, int horizon, int season) {
        int n = y.length;
        double[] indices = season > 1 && n >= 2 * season ? Decomposition.additiveIndices(y, season) : null;
        double[] adjusted = y.clone();
        if (indices != null) {
            for (int t = 0; t < n; t++) {
                adjusted[t] -= indices[t % season];
            }
        }
        double slope = slope(adjusted);
        double alpha = Methods.bestAlpha(adjusted);
        double level = Methods.sesLevel(adjusted, alpha);
        double[] out = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            double drift = slope / 2 * (h - 1 + 1 / alpha - Math.pow(1 - alpha, n) / alpha);
            out[h - 1] = level + drift + (indices == null ? 0 : indices[(n + h - 1) % season]);
        }
        return out;
    }

    /** The least-squares slope of {@code y} against 0, 1, 2, ... */
    static double slope(double[] y) {
        int n = y.length;
        if (n < 2) {
            return 0;
        }
        double meanT = (n - 1) / 2.0;
        double meanY = HoltWinters.mean(y, 0, n);
        double num = 0;
        double den = 0;
        for (int t = 0; t < n; t++) {
            num += (t - meanT) * (y[t] - meanY);
            den += (t - meanT) * (t - meanT);
        }
        return num / den;
    }
}
