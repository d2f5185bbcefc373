package org.crmgraph.graph.event;

import java.time.Instant;
import java.util.Map;

/** A customer was created through the API (imports resolve people in bulk and say so with {@link ImportFinished}). */
public record CustomerCreated(String entityId, Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "CUSTOMER_CREATED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of();
    }
}
