package org.crmgraph.analytics.lifetime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Predicted lifetime value ({@code crm.analytics.lifetime-value.*}).
 *
 * @param horizonDays        the future a customer's {@code predictedLifetimeValue} and {@code expectedPurchases}
 *                           cover, from the newest order in the graph
 * @param gradingHoldoutDays the grading hides the last this many days of orders, fits on what came before, and
 *                           compares each method's predicted spend with what customers spent in them
 */
@ConfigurationProperties("crm.analytics.lifetime-value")
public record LifetimeValueProperties(Integer horizonDays, Integer gradingHoldoutDays) {

    public LifetimeValueProperties {
        horizonDays = orDefault(horizonDays, 365, "horizon-days");
        gradingHoldoutDays = orDefault(gradingHoldoutDays, 180, "grading-holdout-days");
    }

    public static LifetimeValueProperties defaults() {
        return new LifetimeValueProperties(null, null);
    }

    private static int orDefault(Integer value, int fallback, String name) {
        int v = value == null ? fallback : value;
        if (v < 7 || v > 3_650) {
            throw new IllegalArgumentException(
                    "crm.analytics.lifetime-value." + name + " must be between 7 and 3650 days, was " + v);
        }
        return v;
    }
}
