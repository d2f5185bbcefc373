package org.crmgraph.graph.interaction;

import java.time.ZonedDateTime;
import org.crmgraph.graph.page.SortKey;

public enum InteractionSort {
    OCCURRED_AT(new SortKey(
            "interaction.occurredAt", "coalesce(i.occurredAt, datetime({epochMillis: 0}))", ZonedDateTime.class));

    private final SortKey key;

    InteractionSort(SortKey key) {
        this.key = key;
    }

    public SortKey key() {
        return key;
    }
}
