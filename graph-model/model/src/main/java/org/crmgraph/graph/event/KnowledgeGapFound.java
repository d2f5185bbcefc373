package org.crmgraph.graph.event;

import java.time.Instant;
import java.util.Map;

/**
 * A new knowledge gap: enough recent questions about the same thing got weak answers that an article is worth writing.
 * {@code entityId} is the stored {@code (:KnowledgeGap)}'s id; {@code questions} how many questions it held when found.
 * The questions themselves stay on their {@code (:SupportQuery)} nodes (and go with an erasure), never in the event.
 */
public record KnowledgeGapFound(String entityId, int questions, Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "KNOWLEDGE_GAP_FOUND";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of("questions", questions);
    }
}
