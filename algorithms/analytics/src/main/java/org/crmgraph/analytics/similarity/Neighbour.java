package org.crmgraph.analytics.similarity;

/** A similar product or customer, by business key, with its Jaccard similarity in (0, 1]. */
public record Neighbour(String key, double score) {}
