package org.crmgraph.graph.order;

/** One product on an order: how many, at which unit price (the price when the order was placed). */
public record OrderLine(String orderId, String sku, int quantity, double unitPrice) {

    public double lineTotal() {
        return quantity * unitPrice;
    }
}
