package org.crmgraph.graph.event;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** An order was placed through the API, by {@code customerId}. */
public record OrderPlaced(String entityId, String customerId, Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "ORDER_PLACED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("customerId", customerId);
        return attributes;
    }
}
