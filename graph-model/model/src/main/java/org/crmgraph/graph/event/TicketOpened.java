package org.crmgraph.graph.event;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A ticket was opened through the API; {@code customerId} and {@code productSku} may be null. */
public record TicketOpened(String entityId, String customerId, String productSku, Instant occurredAt)
        implements DomainEvent {

    public static final String TYPE = "TICKET_OPENED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("customerId", customerId);
        attributes.put("productSku", productSku);
        return attributes;
    }
}
