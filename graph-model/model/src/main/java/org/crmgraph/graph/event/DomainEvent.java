package org.crmgraph.graph.event;

import java.time.Instant;
import java.util.Map;

/**
 * Something that changed in the graph, published by the service that wrote it once its transaction committed, so
 * that follow-up work (embedding new text, refreshing analytics, training a first classifier, notifying subscribers)
 * subscribes where it lives instead of being triggered by each entry point (GraphQL, command line, import, demo
 * loader) in its own way.
 *
 * <p>Events are plain data made to be persisted and replayed: a stable {@link #type()}, the id of the entity, the
 * time, and {@link #attributes()} holding ids, counts and field names only, never a personal value, so an event log
 * may outlive an erasure. {@link DomainEvents#fromStored} turns a stored one back into its record.
 */
public sealed interface DomainEvent
        permits TicketOpened,
                TicketUpdated,
                TicketResolved,
                ArticleChanged,
                ImportFinished,
                CustomersMerged,
                CustomerErased,
                CustomerCreated,
                CustomerUpdated,
                OrderPlaced,
                InteractionRecorded,
                CustomerSegmentChanged,
                KnowledgeGapFound,
                JobProgressed,
                DemoDataLoaded {

    /** A stable name, e.g. {@code TICKET_OPENED}: what a stored event is recognised by. */
    String type();

    /** The id of the entity the event is about (a ticket, an article, an import job, a customer). */
    String entityId();

    Instant occurredAt();

    /** Ids, counts and field names, as values a JSON document or a Neo4j property map can hold. */
    Map<String, Object> attributes();

    /** The kind of entity {@link #entityId()} names, as the GraphQL type a global id carries (a job for job events). */
    default String entityType() {
        // exhaustive over the permitted events: a new event does not compile until it says what it is about
        return switch (this) {
            case TicketOpened e -> "Ticket";
            case TicketUpdated e -> "Ticket";
            case TicketResolved e -> "Ticket";
            case ArticleChanged e -> "Article";
            case CustomersMerged e -> "Customer";
            case CustomerErased e -> "Customer";
            case CustomerCreated e -> "Customer";
            case CustomerUpdated e -> "Customer";
            case CustomerSegmentChanged e -> "Customer";
            case OrderPlaced e -> "Order";
            case InteractionRecorded e -> "Interaction";
            case KnowledgeGapFound e -> "KnowledgeGap";
            case ImportFinished e -> "Job";
            case JobProgressed e -> "Job";
            case DemoDataLoaded e -> "Demo";
        };
    }
}
