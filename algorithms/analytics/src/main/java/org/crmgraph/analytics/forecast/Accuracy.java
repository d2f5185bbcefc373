package org.crmgraph.analytics.forecast;

/** Forecast errors as the M competitions report them. */
public final class Accuracy {

    private Accuracy() {}

    /**
     * The mean absolute error scaled by the in-sample mean absolute error of the seasonal naive forecast on the
     * training history (Hyndman and Koehler 2006; the lag-1 naive when the history is under two seasons). Below 1 beats
     * that naive forecast. NaN when the training history has no variation to scale by.
     */
    public static double mase(double[] training, double[] actual, double[] forecast, int season) {
        int lag = training.length > season ? season : 1;
        double scale = 0;
        int count = 0;
        for (int t = lag; t < training.length; t++) {
            scale += Math.abs(training[t] - training[t - lag]);
            count++;
        }
        if (count == 0 || scale == 0) {
            return Double.NaN;
        }
        scale /= count;
        return meanAbsoluteError(actual, forecast) / scale;
    }

    /** Symmetric MAPE in percent, 0 to 200, with 0/0 counted as no error. */
    public static double smape(double[] actual, double[] forecast) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
            sum += denominator == 0 ? 0 : 2 * Math.abs(actual[i] - forecast[i]) / denominator;
        }
        return actual.length == 0 ? 0 : 100 * sum / actual.length;
    }

    static double meanAbsoluteError(double[] actual, double[] forecast) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += Math.abs(actual[i] - forecast[i]);
        }
        return actual.length == 0 ? 0 : sum / actual.length;
    }
}
