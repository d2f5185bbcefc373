package org.crmgraph.graph.customer;

import java.time.ZonedDateTime;
import org.crmgraph.graph.page.SortKey;

public enum CustomerSort {
    NAME(new SortKey("customer.name", "toLower(coalesce(c.name, ''))", String.class)),
    EMAIL(new SortKey("customer.email", "coalesce(c.email, '')", String.class)),
    COUNTRY(new SortKey("customer.country", "coalesce(c.country, '')", String.class)),
    CREATED_AT(new SortKey(
            "customer.createdAt", "coalesce(c.createdAt, datetime({epochMillis: 0}))", ZonedDateTime.class)),
    // customers without analytics sort as the lowest values (last when descending)
    MONETARY(new SortKey("customer.monetary", "coalesce(toFloat(c.monetary), -1.0e18)", Double.class)),
    LIFETIME_VALUE(new SortKey("customer.lifetimeValue", "coalesce(toFloat(c.lifetimeValue), -1.0e18)", Double.class)),
    CHURN_RISK(new SortKey("customer.churnRisk", "coalesce(toFloat(c.churnRisk), -1.0)", Double.class)),
    RECENCY(new SortKey("customer.recencyDays", "coalesce(c.recencyDays, 1000000000)", Long.class)),
    // customers without a trend sort as no change: ascending puts those whose messages turned negative first
    SENTIMENT_CHANGE(
            new SortKey("customer.sentimentChange", "coalesce(toFloat(c.sentimentChange), 0.0)", Double.class));

    private final SortKey key;

    CustomerSort(SortKey key) {
        this.key = key;
    }

    public SortKey key() {
        return key;
    }
}
