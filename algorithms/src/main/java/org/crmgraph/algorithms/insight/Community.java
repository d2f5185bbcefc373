package org.crmgraph.algorithms.insight;

import java.util.List;

/**
 * A Leiden community of customers with similar baskets.
 *
 * @param characteristic the products with the highest lift that at least 5% of its members bought
 * @param favourites     the products most of its members bought
 */
public record Community(int id, int size, List<CommunityProduct> characteristic, List<CommunityProduct> favourites) {}
