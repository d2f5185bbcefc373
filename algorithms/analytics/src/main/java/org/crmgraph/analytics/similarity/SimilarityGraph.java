package org.crmgraph.analytics.similarity;

import java.util.List;
import java.util.Map;

/**
 * What the similarity step found on a purchase graph, before anything is written.
 *
 * @param products    sku → most similar products, best first
 * @param customers   customer id → customers with the most similar baskets, best first
 * @param communities customer id → community number (1 is the largest); customers in no community of at
 *                    least {@link SimilarityAndCommunities#MIN_COMMUNITY_SIZE} are absent
 */
public record SimilarityGraph(
        Map<String, List<Neighbour>> products,
        Map<String, List<Neighbour>> customers,
        Map<String, Integer> communities) {}
