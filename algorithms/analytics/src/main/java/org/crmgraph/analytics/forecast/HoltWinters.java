package org.crmgraph.analytics.forecast;

/**
 * Additive damped-trend exponential smoothing, with an additive season when {@code season > 1} (ETS(A,Ad,A), or
 * ETS(A,Ad,N) without). Initial states from the first two seasons (or the first four values); parameters from a grid
 * that minimises the one-step squared error.
 */
final class HoltWinters {

    private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9};
    private static final double[] BETAS = {0.01, 0.05, 0.1, 0.2};
    private static final double[] GAMMAS = {0.01, 0.05, 0.1, 0.3};
    private static final double[] PHIS = {0.8, 0.9, 0.98};

    private final double level;
    private final double trend;
    private final double phi;
    private final double[] seasonal;
    private final int next;

    private HoltWinters(double level, double trend, double phi, double[] seasonal, int next) {
        this.level = level;
        this.trend = trend;
        this.phi = phi;
        this.seasonal = seasonal;
        this.next = next;
    }

    static HoltWinters fit(double[] y, int season) {
        boolean seasonal = season > 1;
        double bestError = Double.MAX_VALUE;
        HoltWinters best = null;
        for (double alpha : ALPHAS) {
            for (double beta : BETAS) {
                if (beta > alpha) {
                    continue;
                }
                for (double gamma : seasonal ? GAMMAS : new double[] {0}) {
                    for (double phi : PHIS) {
                        double[] error = {0};
                        HoltWinters fitted = run(y, season, alpha, beta, gamma, phi, error);
                        if (error[0] < bestError) {
                            bestError = error[0];
                            best = fitted;
                        }
                    }
                }
            }
        }
        return best;
    }

    private static HoltWinters run(
            double[] y, int season, double alpha, double beta, double gamma, double phi, double[] sse) {
        int m = Math.max(season, 1);
        boolean seasonal = season > 1;
        int warm = seasonal ? m : Math.min(2, y.length);
        double level;
        double trend;
        double[] s = new double[m];
        if (seasonal) {
            double first = mean(y, 0, m);
            double second = mean(y, m, 2 * m);
            level = first;
            trend = (second - first) / m;
            for (int i = 0; i < m; i++) {
                s[i] = y[i] - first;
            }
        } else {
            level = y[0];
            trend = y.length > 1 ? y[1] - y[0] : 0;
        }
        double error = 0;
        for (int t = warm; t < y.length; t++) {
            int k = t % m;
            double season0 = seasonal ? s[k] : 0;
            double predicted = level + phi * trend + season0;
            double e = y[t] - predicted;
            error += e * e;
            level = level + phi * trend + alpha * e;
            // the error-correction form of Hyndman et al.: the trend moves by beta of the level's correction
            trend = phi * trend + beta * alpha * e;
            if (seasonal) {
                s[k] = season0 + gamma * e;
            }
        }
        sse[0] = error;
        return new HoltWinters(level, trend, phi, s, y.length % m);
    }

    double[] forecast(int horizon) {
        double[] out = new double[horizon];
        double damped = 0;
        double power = 1;
        for (int h = 1; h <= horizon; h++) {
            power *= phi;
            damped += power;
            double season0 = seasonal.length > 1 ? seasonal[(next + h - 1) % seasonal.length] : 0;
            out[h - 1] = level + damped * trend + season0;
        }
        return out;
    }

    static double mean(double[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += y[i];
        }
        return to > from ? sum / (to - from) : 0;
    }
}
