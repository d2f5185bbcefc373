package org.crmgraph.analytics.forecast;

/** What a forecast is of: the whole business, one country (of the customers), one category or one product. */
public enum ForecastLevel {
    TOTAL,
    COUNTRY,
    CATEGORY,
    PRODUCT
}
