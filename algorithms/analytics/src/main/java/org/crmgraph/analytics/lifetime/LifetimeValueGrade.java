package org.crmgraph.analytics.lifetime;

import java.time.LocalDate;

/**
 * How the model and the run-rate formula predicted what customers spent in a hidden stretch of time.
 *
 * @param holdoutDays the hidden stretch: the last this many days of orders
 * @param cutoff      its first day; both methods saw only the orders before it
 * @param customers   customers who had bought before the cutoff (those graded)
 * @param actualSpend what they spent in the holdout
 * @param model       BG/NBD with Gamma-Gamma
 * @param formula     the run rate: spend so far per day of tenure (at least 90 days) times the holdout's days
 * @param fitted      the model's parameters as fitted before the cutoff, e.g. "BG/NBD r=0.8 ..."
 */
public record LifetimeValueGrade(
        int holdoutDays,
        LocalDate cutoff,
        int customers,
        double actualSpend,
        Score model,
        Score formula,
        String fitted) {

    /**
     * One method's figures.
     *
     * @param topFifthCaptured  of the customers who spent most in the holdout (the top 20%), the share the method
     *                          also ranked in its top 20%
     * @param meanAbsoluteError average |predicted - actual| spend per customer
     * @param totalError        (predicted - actual) / actual over all customers: the bias
     */
    public record Score(double topFifthCaptured, double meanAbsoluteError, double totalError) {}

    /** The formula is kept only if it beats the model on both the top spenders and the error. */
    public boolean formulaWins() {
        return formula.topFifthCaptured() > model.topFifthCaptured()
                && formula.meanAbsoluteError() < model.meanAbsoluteError();
    }
}
