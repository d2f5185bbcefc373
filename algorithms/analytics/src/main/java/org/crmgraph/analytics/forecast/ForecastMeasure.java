package org.crmgraph.analytics.forecast;

/** What is forecast: units sold, revenue (quantity times unit price of order lines) or orders. */
public enum ForecastMeasure {
    UNITS,
    REVENUE,
    ORDERS
}
