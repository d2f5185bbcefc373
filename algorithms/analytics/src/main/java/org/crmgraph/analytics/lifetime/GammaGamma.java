package org.crmgraph.analytics.lifetime;

import static org.apache.commons.math3.special.Gamma.logGamma;

import java.util.List;

/**
 * The Gamma-Gamma model of how much a customer spends per purchase (Fader, Hardie and Lee, "RFM and CLV: Using
 * Iso-Value Curves for Customer Base Analysis", Journal of Marketing Research 42(4), 2005): each purchase's value is
 * Gamma(p, ν) around the customer's own mean, and ν varies between customers as Gamma(q, γ). A customer's expected
 * value is its own average shrunk towards the population's, the more the fewer purchases it has. Fitted on customers
 * with repeat purchases, assuming (as the model does) that value does not depend on how often one buys.
 */
public record GammaGamma(double p, double q, double gamma) {

    /** The smallest number of repeating customers the fit is meaningful for. */
    public static final int MINIMUM_CUSTOMERS = 10;

    public GammaGamma {
        // q > 1: the population's mean value exists
        if (!(p > 0 && q > 1 && gamma > 0)) {
            throw new IllegalArgumentException(
                    "Gamma-Gamma needs p > 0, q > 1, gamma > 0: " + p + ", " + q + ", " + gamma);
        }
    }

    /** The maximum-likelihood model of the customers with repeats and a positive average value. */
    public static GammaGamma fit(List<RepeatPurchases> customers) {
        List<RepeatPurchases> repeating = customers.stream()
                .filter(c -> c.repeats() > 0 && c.meanRepeatValue() > 0)
                .toList();
        if (repeating.size() < MINIMUM_CUSTOMERS) {
            throw new IllegalArgumentException("the Gamma-Gamma model needs at least " + MINIMUM_CUSTOMERS
                    + " customers with repeat purchases, had " + repeating.size());
        }
        // q is searched as 1 + a positive number, so every step keeps a finite mean
        double[] fitted =
                MaximumLikelihood.maximise(v -> logLikelihood(v[0], 1 + v[1], v[2], repeating), new double[] {1, 1, 1});
        return new GammaGamma(fitted[0], 1 + fitted[1], fitted[2]);
    }

    /** The log-likelihood of these customers' average values (customers without repeats add nothing). */
    public double logLikelihood(List<RepeatPurchases> customers) {
        return logLikelihood(p, q, gamma, customers);
    }

    private static double logLikelihood(double p, double q, double gamma, List<RepeatPurchases> customers) {
        double sum = 0;
        for (RepeatPurchases c : customers) {
            int x = c.repeats();
            double m = c.meanRepeatValue();
            if (x == 0 || m <= 0) {
                continue;
            }
            double px = p * x;
            sum += logGamma(px + q)
                    - logGamma(px)
                    - logGamma(q)
                    + q * Math.log(gamma)
                    + (px - 1) * Math.log(m)
                    + px * Math.log(x)
                    - (px + q) * Math.log(gamma + m * x);
        }
        return sum;
    }

    /** The expected value of this customer's future purchases. */
    public double expectedValue(RepeatPurchases c) {
        int x = c.repeats();
        if (x == 0 || c.meanRepeatValue() <= 0) {
            return populationMean();
        }
        return p * (gamma + c.meanRepeatValue() * x) / (p * x + q - 1);
    }

    /** The expected value of a purchase by a customer the model knows nothing about. */
    public double populationMean() {
        return p * gamma / (q - 1);
    }
}
