package org.crmgraph.graph.order;

/** A customer who bought a product, with how many units over all their orders. */
public record Buyer(String sku, String customerId, long quantity) {}
