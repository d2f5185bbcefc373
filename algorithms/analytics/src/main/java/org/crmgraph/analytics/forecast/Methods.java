package org.crmgraph.analytics.forecast;

import java.util.List;

/**
 * The forecasting methods the backtest chooses from. Exponential smoothing parameters are fitted by a grid search that
 * minimises the in-sample one-step squared error: deterministic, and quick on the few hundred periods of a sales
 * history (a full likelihood optimiser would buy little at these lengths).
 */
public final class Methods {

    private Methods() {}

    /** Each period of the next season repeats the same period of the last one (the last value when under a season). */
    public static final ForecastMethod SEASONAL_NAIVE = new ForecastMethod() {
        @Override
        public String name() {
            return "SEASONAL_NAIVE";
        }

        @Override
        public double[] forecast(double[] y, int horizon, int season) {
            double[] out = new double[horizon];
            int n = y.length;
            for (int i = 0; i < horizon; i++) {
                out[i] = n == 0 ? 0 : n >= season ? y[n - season + (i % season)] : y[n - 1];
            }
            return out;
        }
    };

    /** Simple exponential smoothing: a flat forecast at the smoothed level. */
    public static final ForecastMethod SES = new ForecastMethod() {
        @Override
        public String name() {
            return "SES";
        }

        @Override
        public double[] forecast(double[] y, int horizon, int season) {
            double level = sesLevel(y, bestAlpha(y));
            double[] out = new double[horizon];
            java.util.Arrays.fill(out, level);
            return out;
        }
    };

    /** Holt's linear trend, damped (Gardner and McKenzie): the trend fades by {@code phi} per period. */
    public static final ForecastMethod DAMPED_HOLT = new ForecastMethod() {
        @Override
        public String name() {
            return "DAMPED_HOLT";
        }

        @Override
        public boolean fits(int length, int season) {
            return length >= 4;
        }

        @Override
        public double[] forecast(double[] y, int horizon, int season) {
            return HoltWinters.fit(y, 0).forecast(horizon);
        }
    };

    /** Additive Holt-Winters with a damped trend: level, fading trend and a season, from two seasons of history. */
    public static final ForecastMethod HOLT_WINTERS = new ForecastMethod() {
        @Override
        public String name() {
            return "HOLT_WINTERS_DAMPED";
        }

        @Override
        public boolean fits(int length, int season) {
            return season > 1 && length >= 2 * season;
        }

        @Override
        public double[] forecast(double[] y, int horizon, int season) {
            return HoltWinters.fit(y, season).forecast(horizon);
        }
    };

    /** The Theta method (Assimakopoulos and Nikolopoulos; as Hyndman and Billah showed, SES with half the trend as drift), on seasonally adjusted data when two seasons are there. */
    public static final ForecastMethod THETA = new ForecastMethod() {
        @Override
        public String name() {
            return "THETA";
        }

        @Override
        public boolean fits(int length, int season) {
            return length >= 4;
        }

        @Override
        public double[] forecast(double[] y, int horizon, int season) {
            return Theta.forecast(y, horizon, season);
        }
    };

    /** Croston's method with the Syntetos-Boylan approximation, for intermittent demand: demand size over interval. */
    public static final ForecastMethod CROSTON_SBA = new ForecastMethod() {
        @Override
        public String name() {
            return "CROSTON_SBA";
        }

        @Override
        public double[] forecast(double[] y, int horizon, int season) {
            double[] out = new double[horizon];
            java.util.Arrays.fill(out, Croston.sba(y, 0.1));
            return out;
        }
    };

    /** A small automatic ARIMA ({@link Arima}); from 8 periods. */
    public static final ForecastMethod ARIMA = new ForecastMethod() {
        @Override
        public String name() {
            return "ARIMA";
        }

        @Override
        public boolean fits(int length, int season) {
            return length >= 8;
        }

        @Override
        public double[] forecast(double[] y, int horizon, int season) {
            Arima model = Arima.fit(y);
            return model == null ? SEASONAL_NAIVE.forecast(y, horizon, season) : model.forecast(horizon);
        }
    };

    /** For regular series. */
    public static final List<ForecastMethod> SMOOTH =
            List.of(SEASONAL_NAIVE, SES, DAMPED_HOLT, HOLT_WINTERS, THETA, ARIMA);

    /** For series with many empty periods. */
    public static final List<ForecastMethod> INTERMITTENT = List.of(SEASONAL_NAIVE, SES, CROSTON_SBA);

    static double sesLevel(double[] y, double alpha) {
        if (y.length == 0) {
            return 0;
        }
        double level = y[0];
        for (int t = 1; t < y.length; t++) {
            level = alpha * y[t] + (1 - alpha) * level;
        }
        return level;
    }

    /** The smoothing weight with the least in-sample one-step squared error, on a grid of 0.02 to 0.98. */
    static double bestAlpha(double[] y) {
        double best = 0.5;
        double bestError = Double.MAX_VALUE;
        for (int step = 1; step <= 49; step++) {
            double alpha = step * 0.02;
            double level = y.length == 0 ? 0 : y[0];
            double error = 0;
            for (int t = 1; t < y.length; t++) {
                double e = y[t] - level;
                error += e * e;
                level += alpha * e;
            }
            if (error < bestError - 1e-12) {
                bestError = error;
                best = alpha;
            }
        }
        return best;
    }
}
