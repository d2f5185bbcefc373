package org.crmgraph.graph.ticket;

import java.time.ZonedDateTime;
import org.crmgraph.graph.page.SortKey;

public enum TicketSort {
    // every ticket has a createdAt (migration V17): pages are read in the order of its indexes
    CREATED_AT(new SortKey(
            "ticket.createdAt",
            "coalesce(t.createdAt, datetime({epochMillis: 0}))",
            ZonedDateTime.class,
            "t.createdAt")),
    UPDATED_AT(
            new SortKey("ticket.updatedAt", "coalesce(t.updatedAt, datetime({epochMillis: 0}))", ZonedDateTime.class)),
    PRIORITY(new SortKey(
            "ticket.priority",
            "CASE t.priority WHEN 'URGENT' THEN 3 WHEN 'HIGH' THEN 2 WHEN 'MEDIUM' THEN 1 ELSE 0 END",
            Long.class)),
    // -confidence for negative, +confidence for positive, 0 for neutral and not read yet: ascending, angriest first
    SENTIMENT(new SortKey(
            "ticket.sentiment",
            "CASE t.sentiment WHEN 'NEGATIVE' THEN -toFloat(t.sentimentConfidence)"
                    + " WHEN 'POSITIVE' THEN toFloat(t.sentimentConfidence) ELSE 0.0 END",
            Double.class));

    private final SortKey key;

    TicketSort(SortKey key) {
        this.key = key;
    }

    public SortKey key() {
        return key;
    }
}
