package org.crmgraph.api.events;

import java.time.Instant;
import java.util.List;
import org.crmgraph.graph.event.DomainEvent;
import org.crmgraph.graph.event.TicketOpened;
import org.crmgraph.graph.event.TicketResolved;
import org.crmgraph.graph.event.TicketUpdated;
import org.crmgraph.graph.outbox.ChangeEvent;
import org.crmgraph.graph.ticket.Ticket;
import org.crmgraph.graph.ticket.TicketPriority;
import org.crmgraph.graph.ticket.TicketService;
import org.crmgraph.graph.ticket.TicketStatus;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code ticketEvents}: tickets opened, updated and resolved, as they commit on any instance, with the ticket as it is
 * when the event is delivered (masked for the subscriber's role like any query).
 */
@Controller
class TicketEventsController {

    /** What a subscriber receives. */
    record TicketEvent(
            String position, String type, Ticket ticket, List<String> changedFields, Instant at, String actor) {}

    private final ChangeFeed feed;
    private final TicketService tickets;
    private final SharedReads reads;

    TicketEventsController(ChangeFeed feed, TicketService tickets, SharedReads reads) {
        this.feed = feed;
        this.tickets = tickets;
        this.reads = reads;
        reads.define("ticket", TicketEventsController::aboutATicket, tickets::findAll);
    }

    private static boolean aboutATicket(DomainEvent event) {
        return event instanceof TicketOpened || event instanceof TicketUpdated || event instanceof TicketResolved;
    }

    @SubscriptionMapping
    Flux<TicketEvent> ticketEvents(
            @Argument List<TicketStatus> status,
            @Argument List<TicketPriority> priority,
            @Argument String category,
            @Argument String customerId,
            @Argument String after) {
        Long position = Positions.parse(after);
        Flux<TicketEvent> events = feed.events(position)
                .filter(event -> aboutATicket(event.event()))
                // the ticket as the feed read it with its batch (one read for all subscribers here), or read once for
                // all of them; several in flight and the events kept in order
                .flatMapSequential(event -> reads.entity(
                                event.position(),
                                "ticket",
                                () -> tickets.find(event.event().entityId()))
                        .flatMap(found -> Mono.justOrEmpty(found.map(ticket -> toEvent(event, ticket)))))
                .filter(event -> status == null
                        || status.isEmpty()
                        || status.contains(event.ticket().status()))
                .filter(event -> priority == null
                        || priority.isEmpty()
                        || priority.contains(event.ticket().priority()))
                .filter(event ->
                        category == null || category.equals(event.ticket().category()))
                .filter(event ->
                        customerId == null || customerId.equals(event.ticket().customerId()));
        return reads.following("ticket", events);
    }

    private static TicketEvent toEvent(ChangeEvent change, Ticket ticket) {
        return switch (change.event()) {
            case TicketOpened opened ->
                new TicketEvent(
                        String.valueOf(change.position()), "OPENED", ticket, List.of(), change.at(), change.actor());
            case TicketUpdated updated ->
                new TicketEvent(
                        String.valueOf(change.position()),
                        "UPDATED",
                        ticket,
                        updated.fields(),
                        change.at(),
                        change.actor());
            case TicketResolved resolved ->
                new TicketEvent(
                        String.valueOf(change.position()),
                        "RESOLVED",
                        ticket,
                        List.of("status", "resolution", "resolvedAt"),
                        change.at(),
                        change.actor());
            default ->
                throw new IllegalArgumentException(
                        "not a ticket event: " + change.event().type());
        };
    }
}
