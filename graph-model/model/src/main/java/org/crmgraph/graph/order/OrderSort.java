package org.crmgraph.graph.order;

import java.time.ZonedDateTime;
import org.crmgraph.graph.page.SortKey;

public enum OrderSort {
    PLACED_AT(new SortKey("order.placedAt", "coalesce(o.placedAt, datetime({epochMillis: 0}))", ZonedDateTime.class)),
    TOTAL(new SortKey("order.total", "toFloat(coalesce(o.total, 0.0))", Double.class));

    private final SortKey key;

    OrderSort(SortKey key) {
        this.key = key;
    }

    public SortKey key() {
        return key;
    }
}
