package org.crmgraph.analytics.forecast;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * A small automatic ARIMA(p, d, q) without a seasonal part (the histories here hold one season at most): d is 0 when a
 * Dickey-Fuller test rejects a unit root at 5% (the regression of the differences on the lagged level, with a
 * constant) and 1 otherwise, then the orders (p, q) in {(0,0), (1,0), (0,1), (1,1), (2,0)} are fitted by conditional
 * sum of squares (Commons Math's Nelder-Mead, with a mean, which after differencing is the drift) and the one with the
 * lowest AICc kept. Parameters outside the stationary and invertible region are refused. Point forecasts only: the
 * caller's backtest gives the intervals.
 *
 * @param d         the differencing
 * @param ar        φ₁..φₚ
 * @param ma        θ₁..θ_q
 * @param mean      of the (differenced) series: the level when d = 0, the drift per period when d = 1
 * @param residuals the one-step errors over the fitted series
 */
record Arima(int d, double[] ar, double[] ma, double mean, double[] residuals, double[] fitted) {

    private static final int[][] ORDERS = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {2, 0}};
    private static final double REFUSED = 1e300;
    // the Dickey-Fuller test's 5% critical value with a constant, for 50 to 100 observations (Fuller 1976)
    private static final double UNIT_ROOT_CRITICAL = -2.89;

    /** The order with the lowest AICc on {@code y}; null when the series is too short (under 8 periods). */
    static Arima fit(double[] y) {
        if (y.length < 8) {
            return null;
        }
        int d = unitRoot(y) ? 1 : 0;
        double[] w = d == 1 ? difference(y) : y;
        Arima best = null;
        double bestAicc = Double.POSITIVE_INFINITY;
        for (int[] order : ORDERS) {
            Arima candidate = fit(w, d, order[0], order[1]);
            if (candidate == null) {
                continue;
            }
            int k = order[0] + order[1] + 2;
            int n = w.length - order[0];
            double sse = 0;
            for (int t = order[0]; t < w.length; t++) {
                sse += candidate.residuals[t] * candidate.residuals[t];
            }
            if (n - k - 1 <= 0) {
                continue;
            }
            double aicc = n * Math.log(Math.max(sse, 1e-12) / n) + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1);
            if (aicc < bestAicc) {
                bestAicc = aicc;
                best = new Arima(d, candidate.ar, candidate.ma, candidate.mean, candidate.residuals, y);
            }
        }
        return best;
    }

    private static Arima fit(double[] w, int d, int p, int q) {
        double mean = 0;
        for (double v : w) {
            mean += v / w.length;
        }
        int parameters = p + q + 1;
        double centre = mean;
        if (p + q == 0) {
            double[] residuals = residuals(w, new double[0], new double[0], centre);
            return new Arima(d, new double[0], new double[0], centre, residuals, w);
        }
        double scale = Math.max(1e-9, Math.sqrt(variance(w)));
        // the last parameter is the mean's offset from the sample mean, in standard deviations
        double[] start = new double[parameters];
        ObjectiveFunction sse = new ObjectiveFunction(x -> {
            double[] ar = java.util.Arrays.copyOfRange(x, 0, p);
            double[] ma = java.util.Arrays.copyOfRange(x, p, p + q);
            if (!admissible(ar) || !admissible(negated(ma))) {
                return REFUSED;
            }
            double m = centre + x[parameters - 1] * scale;
            double[] e = residuals(w, ar, ma, m);
            double sum = 0;
            for (int t = p; t < e.length; t++) {
                sum += e[t] * e[t];
            }
            return Double.isFinite(sum) ? sum : REFUSED;
        });
        PointValuePair optimum;
        try {
            optimum = new SimplexOptimizer(1e-10, 1e-12)
                    .optimize(
                            new MaxEval(4_000),
                            sse,
                            GoalType.MINIMIZE,
                            new InitialGuess(start),
                            new NelderMeadSimplex(parameters, 0.2));
        } catch (org.apache.commons.math3.exception.TooManyEvaluationsException e) {
            return null;
        }
        if (optimum.getValue() >= REFUSED) {
            return null;
        }
        double[] x = optimum.getPoint();
        double[] ar = java.util.Arrays.copyOfRange(x, 0, p);
        double[] ma = java.util.Arrays.copyOfRange(x, p, p + q);
        double m = centre + x[parameters - 1] * scale;
        return new Arima(d, ar, ma, m, residuals(w, ar, ma, m), w);
    }

    /** The next {@code horizon} values of the series it was fitted on. */
    double[] forecast(int horizon) {
        double[] w = d == 1 ? difference(fitted) : fitted;
        int n = w.length;
        double[] extended = java.util.Arrays.copyOf(w, n + horizon);
        double[] errors = java.util.Arrays.copyOf(residuals, n + horizon);
        for (int t = n; t < n + horizon; t++) {
            double value = mean;
            for (int i = 0; i < ar.length; i++) {
                value += ar[i] * (t - 1 - i >= 0 ? extended[t - 1 - i] - mean : 0);
            }
            for (int j = 0; j < ma.length; j++) {
                value += ma[j] * (t - 1 - j >= 0 ? errors[t - 1 - j] : 0);
            }
            extended[t] = value;
        }
        double[] out = new double[horizon];
        double last = fitted[fitted.length - 1];
        for (int h = 0; h < horizon; h++) {
            if (d == 1) {
                last += extended[n + h];
                out[h] = last;
            } else {
                out[h] = extended[n + h];
            }
        }
        return out;
    }

    /** One-step errors, the first {@code p} (and any before the MA terms have history) from zero errors. */
    static double[] residuals(double[] w, double[] ar, double[] ma, double mean) {
        double[] e = new double[w.length];
        for (int t = 0; t < w.length; t++) {
            double predicted = mean;
            for (int i = 0; i < ar.length; i++) {
                predicted += ar[i] * (t - 1 - i >= 0 ? w[t - 1 - i] - mean : 0);
            }
            for (int j = 0; j < ma.length; j++) {
                predicted += ma[j] * (t - 1 - j >= 0 ? e[t - 1 - j] : 0);
            }
            e[t] = t < ar.length ? 0 : w[t] - predicted;
        }
        return e;
    }

    /** Whether 1 - c₁z - c₂z² has its roots outside the unit circle (orders up to 2). */
    static boolean admissible(double[] c) {
        return switch (c.length) {
            case 0 -> true;
            case 1 -> Math.abs(c[0]) < 1;
            case 2 -> c[0] + c[1] < 1 && c[1] - c[0] < 1 && Math.abs(c[1]) < 1;
            default -> false;
        };
    }

    private static double[] negated(double[] c) {
        double[] n = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            n[i] = -c[i];
        }
        return n;
    }

    /** Whether a Dickey-Fuller test (Δy_t = a + b y_{t-1}) fails to reject a unit root at 5%. */
    static boolean unitRoot(double[] y) {
        int n = y.length - 1;
        double mx = 0;
        double my = 0;
        for (int t = 1; t < y.length; t++) {
            mx += y[t - 1] / n;
            my += (y[t] - y[t - 1]) / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (int t = 1; t < y.length; t++) {
            sxx += (y[t - 1] - mx) * (y[t - 1] - mx);
            sxy += (y[t - 1] - mx) * (y[t] - y[t - 1] - my);
        }
        if (sxx == 0) {
            // a constant level: nothing to difference
            return false;
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        double sse = 0;
        for (int t = 1; t < y.length; t++) {
            double e = y[t] - y[t - 1] - a - b * y[t - 1];
            sse += e * e;
        }
        double se = Math.sqrt(sse / Math.max(1, n - 2) / sxx);
        if (se == 0) {
            // the differences are an exact line in the level: a deterministic path, differenced it is constant
            return true;
        }
        return b / se > UNIT_ROOT_CRITICAL;
    }

    static double[] difference(double[] y) {
        double[] w = new double[Math.max(0, y.length - 1)];
        for (int t = 1; t < y.length; t++) {
            w[t - 1] = y[t] - y[t - 1];
        }
        return w;
    }

    private static double variance(double[] y) {
        if (y.length < 2) {
            return Double.POSITIVE_INFINITY;
        }
        double mean = 0;
        for (double v : y) {
            mean += v / y.length;
        }
        double sum = 0;
        for (double v : y) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (y.length - 1);
    }
}
