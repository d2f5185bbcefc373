package org.crmgraph.analytics.recommend;

/**
 * A recommended sku with its score in [0, 1] and a sentence saying why.
 *
 * @param via the sku of the bought product the explanation names ("because you bought ..."), or null
 */
public record ScoredProduct(String sku, double score, String explanation, String via) {}
