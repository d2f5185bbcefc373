package org.crmgraph.analytics.insight;

/**
 * A Leiden community of customers with similar baskets; its characteristic and favourite products are read with
 * {@link AnalyticsQueries#communityProducts}, for many communities at once.
 *
 * @param id   stable across refreshes (see {@link org.crmgraph.analytics.StableIds})
 * @param rank 1 for the largest community
 */
public record Community(int id, int rank, int size) {}
