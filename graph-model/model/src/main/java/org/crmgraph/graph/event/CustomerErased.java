package org.crmgraph.graph.event;

import java.time.Instant;
import java.util.Map;

/** A customer's personal data was erased (GDPR); the id stays, as orders and metrics do. */
public record CustomerErased(String entityId, Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "CUSTOMER_ERASED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of();
    }
}
