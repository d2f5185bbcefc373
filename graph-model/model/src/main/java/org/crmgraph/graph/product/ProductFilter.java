package org.crmgraph.graph.product;

/** All given criteria must hold; {@code nameContains} matches case-insensitively. */
public record ProductFilter(String nameContains, String category, Double minPrice, Double maxPrice) {

    public static final ProductFilter NONE = new ProductFilter(null, null, null, null);
}
