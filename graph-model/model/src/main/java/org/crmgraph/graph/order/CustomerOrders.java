package org.crmgraph.graph.order;

import java.util.List;
import java.util.Map;
import org.crmgraph.graph.customer.Customer;

/**
 * A customer read together with their orders and the orders' lines.
 *
 * @param orders newest first, at most the nested-list limit
 * @param lines by order id, by SKU, at most the nested-list limit per order
 */
public record CustomerOrders(Customer customer, List<Order> orders, Map<String, List<OrderLine>> lines) {}
