package org.crmgraph.graph.event;

import java.time.Instant;
import java.util.Map;

/** The demo data set was loaded into an empty graph: the one time a new user's graph appears all at once. */
public record DemoDataLoaded(String entityId, int customers, Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "DEMO_DATA_LOADED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of("customers", customers);
    }
}
