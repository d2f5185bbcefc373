package org.crmgraph.analytics.lifetime;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximises a log-likelihood over positive parameters with Commons Math's Nelder-Mead, searching their logarithms so
 * no step leaves the domain. Restarted from the optimum until it stops improving, since one simplex run can stall on
 * the long flat ridges these likelihoods have.
 */
final class MaximumLikelihood {

    private static final int RESTARTS = 5;

    private MaximumLikelihood() {}

    /** The parameters (not their logarithms) that maximise {@code logLikelihood}, starting from {@code start}. */
    static double[] maximise(ToDoubleFunction<double[]> logLikelihood, double[] start) {
        double[] point = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            point[i] = Math.log(start[i]);
        }
        ObjectiveFunction objective = new ObjectiveFunction(logs -> {
            double value = logLikelihood.applyAsDouble(exp(logs));
            // a parameter so extreme the likelihood overflows is as bad as it gets, not a reason to stop
            return Double.isFinite(value) ? value : -Double.MAX_VALUE;
        });
        double best = Double.NEGATIVE_INFINITY;
        for (int restart = 0; restart < RESTARTS; restart++) {
            PointValuePair optimum = new SimplexOptimizer(1e-12, 1e-12)
                    .optimize(
                            new MaxEval(20_000),
                            objective,
                            GoalType.MAXIMIZE,
                            new InitialGuess(point),
                            new NelderMeadSimplex(start.length, 0.5));
            point = optimum.getPoint();
            double value = optimum.getValue();
            if (value - best < 1e-9 * Math.max(1, Math.abs(value))) {
                best = Math.max(best, value);
                break;
            }
            best = value;
        }
        return exp(point);
    }

    private static double[] exp(double[] logs) {
        double[] values = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            values[i] = Math.exp(logs[i]);
        }
        return values;
    }
}
