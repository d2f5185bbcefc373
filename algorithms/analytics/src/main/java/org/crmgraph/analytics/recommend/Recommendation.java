package org.crmgraph.analytics.recommend;

import org.crmgraph.graph.product.Product;

/** A product for a customer, its score in [0, 1] and why. */
public record Recommendation(Product product, double score, String explanation) {}
