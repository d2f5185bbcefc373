package org.crmgraph.graph.order;

import org.crmgraph.graph.product.Product;

/**
 * One product on an order: how many, at which unit price (the price when the order was placed).
 * The product comes with the line, read in the same query, since every client that shows a line
 * shows what it was.
 */
public record OrderLine(String orderId, Product product, int quantity, double unitPrice) {

    public double lineTotal() {
        return quantity * unitPrice;
    }
}
