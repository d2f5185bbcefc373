package org.crmgraph.analytics.insight;

import java.util.List;

/**
 * What a community buys.
 *
 * @param characteristic the products with the highest lift (above 1) that at least 5% of its members bought
 * @param favourites     the products most of its members bought, at most 10
 */
public record CommunityProducts(List<CommunityProduct> characteristic, List<CommunityProduct> favourites) {}
