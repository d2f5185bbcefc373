package org.crmgraph.graph.event;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A ticket was resolved, with the knowledge-base article that resolved it when one did ({@code articleId} may be null). */
public record TicketResolved(String entityId, String articleId, Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "TICKET_RESOLVED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("articleId", articleId);
        return attributes;
    }
}
