package org.crmgraph.graph.order;

import org.crmgraph.graph.product.Product;

/**
 * One product on an order: how many, at which unit price (the price when the order was placed).
 * The product comes with the line, read in the same query, since every client that shows a line
 * shows what it was.
 *
 * @param currency ISO 4217 code of the order; null for orders stored before currencies were recorded
 */
public record OrderLine(String orderId, Product product, int quantity, double unitPrice, String currency) {

    /** The float total of older clients; {@code Money.times} gives the exact one. */
    public double lineTotal() {
        return quantity * unitPrice;
    }
}
