package org.crmgraph.analytics;

/** The parts of an analytics refresh, in the order they run (segments need metrics, churn reads both). */
public enum AnalyticsStep {
    /** RFM, order count, average order value, lifetime value per customer */
    METRICS,
    /** k-means segments over the scaled RFM features */
    SEGMENTS,
    /** product and customer similarity, Leiden communities, community and country favourites */
    SIMILARITY,
    /** churn labels, the GDS classification pipeline, churn probability per customer */
    CHURN,
    /** weekly revenue and unit forecasts of the total, each country and each category, as (:Forecast) nodes */
    FORECASTS
}
