package org.crmgraph.graph.event;

import java.time.Instant;
import java.util.Map;

/** A knowledge-base article was created, updated or deleted. */
public record ArticleChanged(String entityId, Change change, Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "ARTICLE_CHANGED";

    public enum Change {
        CREATED,
        UPDATED,
        DELETED
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of("change", change.name());
    }
}
