package org.crmgraph.analytics.churn;

import java.util.List;

/**
 * The customer features the churn model reads besides the graph embedding and PageRank, projected on each
 * customer as of a snapshot time; all of them are known at that time, none looks ahead.
 */
final class ChurnFeatures {

    /** days since the last purchase, orders, net spend, days since the first purchase, spend per order, distinct products */
    static final List<String> NAMES =
            List.of("recencyDays", "frequency", "monetary", "tenureDays", "avgOrderValue", "products");

    private ChurnFeatures() {}

    /** Said about a feature that pushes a customer's risk up (first) or down (second), e.g. "last purchase 200 days ago". */
    static String describe(String feature, double value) {
        long v = Math.round(value);
        return switch (feature) {
            case "recencyDays" -> "last purchase " + v + " days ago";
            case "frequency" -> v + (v == 1 ? " order" : " orders");
            case "monetary" -> "spent " + v + " in total";
            case "tenureDays" -> "customer for " + v + " days";
            case "avgOrderValue" -> "spends " + v + " per order";
            case "products" -> v + (v == 1 ? " product" : " distinct products");
            default -> feature + " " + v;
        };
    }
}
