package org.crmgraph.analytics.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses a method per series by evidence and forecasts with it. A rolling-origin backtest holds out the last
 * {@code test} periods, then the {@code test} before them, up to {@value #FOLDS} times; each candidate forecasts every
 * hold-out from the history before it, and the one with the lowest mean MASE (mean absolute error where a fold's
 * history is flat) wins, the simpler on a tie. Series with many empty periods (average interval between sales above
 * 1.32 periods, Syntetos and Boylan's cut-off) choose among methods meant for intermittent demand.
 *
 * <p>Prediction intervals come from the winner's own out-of-sample errors: at step k ahead, the root mean squared error
 * of its forecasts k steps ahead over the folds and from up to {@value #ORIGINS} later origins one period apart, beyond
 * the hold-out grown with the square root of the horizon; the
 * bounds are ±1.28 and ±1.96 of it (normal errors), never below zero, since sales are not negative.
 */
public final class Forecaster {

    static final int FOLDS = 3;
    static final int ORIGINS = 12;
    private static final double ADI_CUTOFF = 1.32;
    private static final double Z80 = 1.2816;
    private static final double Z95 = 1.9600;

    private Forecaster() {}

    /** How one method did in the backtest. */
    public record Score(String method, double mase, double smape, int folds) {}

    /** The forecast: the chosen model, the values and their 80% and 95% bounds, and the backtest that chose it. */
    public record Result(
            String model,
            double[] values,
            double[] lower80,
            double[] upper80,
            double[] lower95,
            double[] upper95,
            boolean intermittent,
            List<Score> backtest) {}

    public static Result forecast(double[] y, int horizon, int season) {
        int n = y.length;
        int nonZero = 0;
        for (double value : y) {
            if (value != 0) {
                nonZero++;
            }
        }
        if (nonZero == 0) {
            double[] zeros = new double[horizon];
            return new Result("NO_SALES", zeros, zeros, zeros, zeros, zeros, false, List.of());
        }
        boolean intermittent = (double) n / nonZero > ADI_CUTOFF;
        List<ForecastMethod> candidates = intermittent ? Methods.INTERMITTENT : Methods.SMOOTH;
        int test = Math.min(horizon, Math.max(1, n / 4));

        List<Score> scores = new ArrayList<>();
        ForecastMethod chosen = null;
        double[] chosenSquares = null;
        int[] chosenCounts = null;
        double bestMase = Double.NaN;
        double bestMae = Double.MAX_VALUE;
        for (ForecastMethod method : candidates) {
            double maseSum = 0;
            int maseFolds = 0;
            double maeSum = 0;
            double smapeSum = 0;
            int folds = 0;
            double[] squares = new double[test];
            int[] counts = new int[test];
            for (int fold = 1; fold <= FOLDS; fold++) {
                int length = n - fold * test;
                if (length < 4 || !method.fits(length, season)) {
                    break;
                }
                double[] training = java.util.Arrays.copyOfRange(y, 0, length);
                double[] actual = java.util.Arrays.copyOfRange(y, length, length + test);
                double[] predicted = clip(method.forecast(training, test, season));
                for (int k = 0; k < test; k++) {
                    double e = actual[k] - predicted[k];
                    squares[k] += e * e;
                    counts[k]++;
                }
                double mase = Accuracy.mase(training, actual, predicted, season);
                if (!Double.isNaN(mase)) {
                    maseSum += mase;
                    maseFolds++;
                }
                maeSum += Accuracy.meanAbsoluteError(actual, predicted);
                smapeSum += Accuracy.smape(actual, predicted);
                folds++;
            }
            if (folds == 0) {
                continue;
            }
            double mase = maseFolds == 0 ? Double.NaN : maseSum / maseFolds;
            double mae = maeSum / folds;
            scores.add(new Score(method.name(), mase, smapeSum / folds, folds));
            // candidates are listed simplest first: a later one must do strictly better
            boolean better = chosen == null
                    || (!Double.isNaN(mase) && !Double.isNaN(bestMase) ? mase < bestMase - 1e-9 : mae < bestMae - 1e-9);
            if (better) {
                chosen = method;
                bestMase = mase;
                bestMae = mae;
                chosenSquares = squares;
                chosenCounts = counts;
            }
        }

        double[] sigma = new double[horizon];
        if (chosen == null) {
            // too short to hold anything out: the smoothed level, with the spread of the period-to-period changes
            chosen = n >= 2 ? Methods.SES : Methods.SEASONAL_NAIVE;
            double spread = changeSpread(y);
            for (int k = 0; k < horizon; k++) {
                sigma[k] = spread * Math.sqrt(k + 1);
            }
        } else {
            // the intervals want more errors than three folds give: the winner forecasts again from each of the last
            // ORIGINS origins, one period apart (the first version used the three folds and its 80% intervals held
            // 58% of Online Retail's product weeks)
            int more = 0;
            for (int length = n - test - 1; length >= 4 && more < ORIGINS; length--) {
                if ((n - length) % test == 0 && (n - length) / test <= FOLDS) {
                    continue; // a fold forecast from here already
                }
                if (!chosen.fits(length, season)) {
                    break;
                }
                double[] predicted = clip(chosen.forecast(java.util.Arrays.copyOfRange(y, 0, length), test, season));
                for (int k = 0; k < test; k++) {
                    double e = y[length + k] - predicted[k];
                    chosenSquares[k] += e * e;
                    chosenCounts[k]++;
                }
                more++;
            }
            double last = 0;
            for (int k = 0; k < horizon; k++) {
                if (k < test && chosenCounts[k] > 0) {
                    last = Math.sqrt(chosenSquares[k] / chosenCounts[k]);
                    sigma[k] = last;
                } else {
                    sigma[k] = last * Math.sqrt((double) (k + 1) / test);
                }
            }
        }
        double[] values = clip(chosen.forecast(y, horizon, season));
        double[] lower80 = new double[horizon];
        double[] upper80 = new double[horizon];
        double[] lower95 = new double[horizon];
        double[] upper95 = new double[horizon];
        for (int k = 0; k < horizon; k++) {
            lower80[k] = Math.max(0, values[k] - Z80 * sigma[k]);
            upper80[k] = values[k] + Z80 * sigma[k];
            lower95[k] = Math.max(0, values[k] - Z95 * sigma[k]);
            upper95[k] = values[k] + Z95 * sigma[k];
        }
        return new Result(chosen.name(), values, lower80, upper80, lower95, upper95, intermittent, scores);
    }

    private static double changeSpread(double[] y) {
        if (y.length < 2) {
            return Math.abs(y.length == 1 ? y[0] : 0);
        }
        double sum = 0;
        for (int t = 1; t < y.length; t++) {
            sum += (y[t] - y[t - 1]) * (y[t] - y[t - 1]);
        }
        return Math.sqrt(sum / (y.length - 1));
    }

    /** Sales are not negative: values below zero become zero, in place. */
    static double[] clip(double[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(0, values[i]);
        }
        return values;
    }
}
