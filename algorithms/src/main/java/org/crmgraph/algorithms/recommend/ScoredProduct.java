package org.crmgraph.algorithms.recommend;

/** A recommended sku with its score in [0, 1] and a sentence saying why. */
public record ScoredProduct(String sku, double score, String explanation) {}
