package org.crmgraph.analytics.lifetime;

/**
 * One customer's predictions over a horizon.
 *
 * @param purchases expected purchase days
 * @param alive     probability that the customer is still one
 * @param value     expected spend: the purchases times the expected value of one
 */
public record LifetimeValuePrediction(double purchases, double alive, double value) {

    static LifetimeValuePrediction of(BgNbd purchases, GammaGamma value, RepeatPurchases customer, double weeks) {
        double expected = purchases.expectedPurchases(weeks, customer);
        return new LifetimeValuePrediction(
                expected, purchases.probabilityAlive(customer), expected * value.expectedValue(customer));
    }

    /** The values written on the customer node, rounded as analysts read them. */
    public java.util.Map<String, Object> properties(boolean asLifetimeValue) {
        var properties = new java.util.HashMap<String, Object>();
        double rounded = Math.round(value * 100) / 100.0;
        properties.put("predictedLifetimeValue", rounded);
        properties.put("expectedPurchases", Math.round(purchases * 1_000) / 1_000.0);
        properties.put("probabilityAlive", Math.round(alive * 10_000) / 10_000.0);
        if (asLifetimeValue) {
            properties.put("lifetimeValue", rounded);
        }
        return properties;
    }
}
