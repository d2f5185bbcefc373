package org.crmgraph.graph.customer;

import java.time.ZonedDateTime;
import org.crmgraph.graph.page.SortKey;

public enum CustomerSort {
    NAME(new SortKey("customer.name", "toLower(coalesce(c.name, ''))", String.class)),
    EMAIL(new SortKey("customer.email", "coalesce(c.email, '')", String.class)),
    COUNTRY(new SortKey("customer.country", "coalesce(c.country, '')", String.class)),
    CREATED_AT(new SortKey("customer.createdAt", "coalesce(c.createdAt, datetime({epochMillis: 0}))", ZonedDateTime.class));

    private final SortKey key;

    CustomerSort(SortKey key) {
        this.key = key;
    }

    public SortKey key() {
        return key;
    }
}
