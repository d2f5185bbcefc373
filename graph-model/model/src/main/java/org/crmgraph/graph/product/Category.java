package org.crmgraph.graph.product;

/** A product category with the number of products in it. */
public record Category(String name, long productCount) {}
