package org.crmgraph.graph.event;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A customer's RFM segment changed between full analytics refreshes, because of an order or a touchpoint: from
 * {@code fromSegment} (null when the customer had none) to {@code toSegment}.
 */
public record CustomerSegmentChanged(String entityId, String fromSegment, String toSegment, Instant occurredAt)
        implements DomainEvent {

    public static final String TYPE = "CUSTOMER_SEGMENT_CHANGED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("fromSegment", fromSegment);
        attributes.put("toSegment", toSegment);
        return attributes;
    }
}
