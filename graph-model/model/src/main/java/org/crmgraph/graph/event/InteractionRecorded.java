package org.crmgraph.graph.event;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A touchpoint was recorded for {@code customerId} (null when it names nobody known), on {@code channel}. */
public record InteractionRecorded(String entityId, String customerId, String channel, Instant occurredAt)
        implements DomainEvent {

    public static final String TYPE = "INTERACTION_RECORDED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("customerId", customerId);
        attributes.put("channel", channel);
        return attributes;
    }
}
