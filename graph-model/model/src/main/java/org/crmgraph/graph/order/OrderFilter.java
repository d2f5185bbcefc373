package org.crmgraph.graph.order;

import java.time.OffsetDateTime;

public record OrderFilter(String customerId, String status, OffsetDateTime placedAfter, OffsetDateTime placedBefore) {

    public static final OrderFilter NONE = new OrderFilter(null, null, null, null);
}
