package org.crmgraph.analytics.insight;

import org.crmgraph.graph.product.Product;

/** A product that characterises a community: how many members bought it, their share, and the lift over everyone. */
public record CommunityProduct(Product product, int buyers, double share, double lift) {}
