package org.crmgraph.analytics.insight;

/**
 * A Leiden community of customers with similar baskets; its characteristic and favourite products are read with
 * {@link AnalyticsQueries#communityProducts}, for many communities at once.
 */
public record Community(int id, int size) {}
