package org.crmgraph.graph.product;

/** Fields of a product; on update, a null field is left unchanged (the SKU never changes). */
public record ProductInput(String sku, String name, String description, Double price, String category) {}
