package org.crmgraph.analytics.churn;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.exception.MathArithmeticException;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.jspecify.annotations.Nullable;

/**
 * Explains a churn model that GDS does not open up (a random forest, a regression over embeddings) with a linear
 * surrogate: the log-odds of the model's churn probability regressed (ridge) on the customer features, standardised. A
 * customer's contribution from a feature is its coefficient times how far the customer's value lies from the
 * average, in log-odds: the customer's own numbers, which add up (with the intercept) to the surrogate's estimate of
 * its risk, rather than a correlation over everyone. {@code rSquared} says how much of the model the surrogate
 * captures.
 *
 * @param coefficients per feature, log-odds per standard deviation (0 for a feature with no spread)
 * @param mean         per feature, the average it is centred on
 * @param sd           per feature, the standard deviation it is scaled by
 * @param rSquared     share of the variance of the model's log-odds the surrogate explains
 */
public record LinearExplanation(double[] coefficients, double[] mean, double[] sd, double rSquared) {

    private static final double CLAMP = 1e-4;
    private static final double RIDGE = 0.05;

    /** The surrogate of predicted {@code risk} on {@code features} (rows: customers), or null when it cannot be fitted. */
    static @Nullable LinearExplanation fit(double[][] features, double[] risk) {
        int n = features.length;
        if (n < 3) {
            return null;
        }
        int k = features[0].length;
        double[] mean = new double[k];
        double[] sd = new double[k];
        List<Integer> varying = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            double sum = 0;
            for (double[] row : features) {
                sum += row[f];
            }
            mean[f] = sum / n;
            double squares = 0;
            for (double[] row : features) {
                squares += (row[f] - mean[f]) * (row[f] - mean[f]);
            }
            sd[f] = Math.sqrt(squares / n);
            if (sd[f] > 0) {
                varying.add(f);
            }
        }
        if (varying.isEmpty() || n <= varying.size() + 1) {
            return null;
        }
        double[][] x = new double[n][varying.size()];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < varying.size(); j++) {
                int f = varying.get(j);
                x[i][j] = (features[i][f] - mean[f]) / sd[f];
            }
            double p = Math.min(1 - CLAMP, Math.max(CLAMP, risk[i]));
            y[i] = Math.log(p / (1 - p));
        }
        int m = varying.size();
        double yMean = 0;
        for (double v : y) {
            yMean += v / n;
        }
        // ridge: (X'X + lambda I) beta = X'(y - mean). Plain least squares gave features that move together (tenure
        // and orders of customers who buy monthly) weights of +-1e14 that cancel; a penalty of a twentieth of n per
        // standardised feature splits the weight between them and costs little fit
        double[][] gram = new double[m][m];
        double[] moment = new double[m];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < m; a++) {
                moment[a] += x[i][a] * (y[i] - yMean);
                for (int b = 0; b < m; b++) {
                    gram[a][b] += x[i][a] * x[i][b];
                }
            }
        }
        for (int a = 0; a < m; a++) {
            gram[a][a] += RIDGE * n;
        }
        double[] beta;
        try {
            beta = new CholeskyDecomposition(new Array2DRowRealMatrix(gram, false))
                    .getSolver()
                    .solve(new ArrayRealVector(moment, false))
                    .toArray();
        } catch (MathIllegalArgumentException | MathArithmeticException e) {
            return null;
        }
        double residual = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double fitted = yMean;
            for (int a = 0; a < m; a++) {
                fitted += beta[a] * x[i][a];
            }
            residual += (y[i] - fitted) * (y[i] - fitted);
            total += (y[i] - yMean) * (y[i] - yMean);
        }
        double[] coefficients = new double[k];
        for (int a = 0; a < m; a++) {
            coefficients[varying.get(a)] = beta[a];
        }
        return new LinearExplanation(coefficients, mean, sd, total == 0 ? 0 : Math.max(0, 1 - residual / total));
    }

    /** One customer's contributions per feature, in log-odds. */
    double[] contributions(double[] features) {
        double[] contributions = new double[features.length];
        for (int f = 0; f < features.length; f++) {
            contributions[f] = sd[f] == 0 ? 0 : coefficients[f] * (features[f] - mean[f]) / sd[f];
        }
        return contributions;
    }
}
