package org.crmgraph.graph.interaction;

import java.time.OffsetDateTime;

public record InteractionFilter(
        String customerId, Channel channel, String type, OffsetDateTime occurredAfter, OffsetDateTime occurredBefore) {

    public static final InteractionFilter NONE = new InteractionFilter(null, null, null, null, null);
}
