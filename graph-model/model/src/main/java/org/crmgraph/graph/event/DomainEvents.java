package org.crmgraph.graph.event;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes domain events to this instance's subscribers ({@code @EventListener} methods). Services call it after
 * their transaction committed, never inside one, so a rolled-back write announces nothing. The same events can be
 * stored (type, entity id, time, attributes) and turned back into records with {@link #fromStored}, which is what an
 * outbox shared by several instances replays.
 */
@Component
public class DomainEvents {

    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    public DomainEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.clock = Clock.systemUTC();
    }

    /** The time to stamp on an event about to be published. */
    public Instant now() {
        return clock.instant();
    }

    public void publish(DomainEvent event) {
        publisher.publishEvent(event);
    }

    /**
     * A stored event as its record again.
     *
     * @throws IllegalArgumentException for a type this version does not know
     */
    @SuppressWarnings("unchecked")
    public static DomainEvent fromStored(
            String type, String entityId, Instant occurredAt, Map<String, Object> attributes) {
        return switch (type) {
            case TicketOpened.TYPE ->
                new TicketOpened(
                        entityId,
                        (String) attributes.get("customerId"),
                        (String) attributes.get("productSku"),
                        occurredAt);
            case TicketUpdated.TYPE -> new TicketUpdated(entityId, (List<String>) attributes.get("fields"), occurredAt);
            case TicketResolved.TYPE -> new TicketResolved(entityId, (String) attributes.get("articleId"), occurredAt);
            case ArticleChanged.TYPE ->
                new ArticleChanged(
                        entityId, ArticleChanged.Change.valueOf((String) attributes.get("change")), occurredAt);
            case ImportFinished.TYPE ->
                new ImportFinished(
                        entityId,
                        (String) attributes.get("entityType"),
                        ((Number) attributes.get("rowsImported")).longValue(),
                        ((Number) attributes.get("rowsRejected")).longValue(),
                        occurredAt);
            case CustomersMerged.TYPE -> new CustomersMerged(entityId, (String) attributes.get("mergedId"), occurredAt);
            case CustomerErased.TYPE -> new CustomerErased(entityId, occurredAt);
            case CustomerCreated.TYPE -> new CustomerCreated(entityId, occurredAt);
            case CustomerUpdated.TYPE ->
                new CustomerUpdated(entityId, (List<String>) attributes.get("fields"), occurredAt);
            case OrderPlaced.TYPE -> new OrderPlaced(entityId, (String) attributes.get("customerId"), occurredAt);
            case JobProgressed.TYPE -> JobProgressed.fromStored(entityId, occurredAt, attributes);
            case InteractionRecorded.TYPE ->
                new InteractionRecorded(
                        entityId,
                        (String) attributes.get("customerId"),
                        (String) attributes.get("channel"),
                        occurredAt);
            case CustomerSegmentChanged.TYPE ->
                new CustomerSegmentChanged(
                        entityId,
                        (String) attributes.get("fromSegment"),
                        (String) attributes.get("toSegment"),
                        occurredAt);
            case KnowledgeGapFound.TYPE ->
                new KnowledgeGapFound(entityId, ((Number) attributes.get("questions")).intValue(), occurredAt);
            case DemoDataLoaded.TYPE ->
                new DemoDataLoaded(entityId, ((Number) attributes.get("customers")).intValue(), occurredAt);
            default -> throw new IllegalArgumentException("unknown domain event type '" + type + "'");
        };
    }
}
