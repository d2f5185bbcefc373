package org.crmgraph.graph.event;

import java.time.Instant;
import java.util.Map;

/** Two customers became one: {@code entityId} survives, {@code mergedId} is gone (its relationships moved over). */
public record CustomersMerged(String entityId, String mergedId, Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "CUSTOMERS_MERGED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of("mergedId", mergedId);
    }
}
