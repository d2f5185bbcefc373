package org.crmgraph.analytics.forecast;

/** Classical additive decomposition's seasonal indices (centred moving average, indices averaged and centred on 0). */
final class Decomposition {

    private Decomposition() {}

    static double[] additiveIndices(double[] y, int season) {
        int n = y.length;
        double[] sums = new double[season];
        int[] counts = new int[season];
        int half = season / 2;
        for (int t = half; t < n - half; t++) {
            double trend;
            if (season % 2 == 0) {
                // a 2 x m moving average centres an even season
                double sum = 0.5 * y[t - half] + 0.5 * y[t + half];
                for (int i = t - half + 1; i < t + half; i++) {
                    sum += y[i];
                }
                trend = sum / season;
            } else {
                trend = HoltWinters.mean(y, t - half, t + half + 1);
            }
            sums[t % season] += y[t] - trend;
            counts[t % season]++;
        }
        double[] indices = new double[season];
        double mean = 0;
        for (int i = 0; i < season; i++) {
            indices[i] = counts[i] == 0 ? 0 : sums[i] / counts[i];
            mean += indices[i] / season;
        }
        for (int i = 0; i < season; i++) {
            indices[i] -= mean;
        }
        return indices;
    }
}
