package org.crmgraph.graph.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A customer's fields were changed; {@code fields} names them (never their values). */
public record CustomerUpdated(String entityId, List<String> fields, Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "CUSTOMER_UPDATED";

    public CustomerUpdated {
        fields = List.copyOf(fields);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of("fields", fields);
    }
}
