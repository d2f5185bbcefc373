package org.crmgraph.analytics.lifetime;

/**
 * Gauss's hypergeometric function, which the BG/NBD expectations need and no library here offers (Commons Math has
 * none). Summed as its power series, which converges for |z| < 1; every z the models pass is in [0, 1) and every
 * parameter positive, so the terms are positive and the sum loses no precision to cancellation.
 */
final class Hypergeometric {

    private static final int MAX_TERMS = 1_000_000;
    private static final double TOLERANCE = 1e-15;

    private Hypergeometric() {}

    /** ₂F₁(a, b; c; z) for 0 ≤ z < 1. */
    static double gauss(double a, double b, double c, double z) {
        if (z < 0 || z >= 1) {
            throw new IllegalArgumentException("the series needs 0 <= z < 1, was " + z);
        }
        double term = 1;
        double sum = 1;
        for (int k = 0; k < MAX_TERMS; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.abs(term) <= TOLERANCE * Math.abs(sum)) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge");
    }
}
