package org.crmgraph.graph.order;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * @param placedAt when the order was placed; now when absent
 * @param channel  where it was placed (WEB, STORE, PHONE...); WEB when absent
 */
public record PlaceOrderInput(String customerId, List<Line> lines, OffsetDateTime placedAt, String channel) {

    public record Line(String sku, Integer quantity) {}
}
