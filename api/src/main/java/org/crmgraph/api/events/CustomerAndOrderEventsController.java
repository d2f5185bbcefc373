package org.crmgraph.api.events;

import java.time.Instant;
import java.util.List;
import org.crmgraph.graph.customer.Customer;
import org.crmgraph.graph.customer.CustomerService;
import org.crmgraph.graph.event.CustomerCreated;
import org.crmgraph.graph.event.CustomerErased;
import org.crmgraph.graph.event.CustomerSegmentChanged;
import org.crmgraph.graph.event.CustomerUpdated;
import org.crmgraph.graph.event.CustomersMerged;
import org.crmgraph.graph.event.DomainEvent;
import org.crmgraph.graph.event.OrderPlaced;
import org.crmgraph.graph.order.Order;
import org.crmgraph.graph.order.OrderService;
import org.crmgraph.graph.outbox.ChangeEvent;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code customerEvents} and {@code orderEvents}: the change log's customer and order events, as they commit (a
 * customer's segment changed by incremental analytics too).
 */
@Controller
class CustomerAndOrderEventsController {

    record CustomerEvent(
            String position,
            String type,
            String customerId,
            String mergedId,
            Customer customer,
            List<String> changedFields,
            String fromSegment,
            String toSegment,
            Instant at,
            String actor) {}

    record OrderEvent(String position, String type, Order order, Instant at, String actor) {}

    private final ChangeFeed feed;
    private final CustomerService customers;
    private final OrderService orders;
    private final SharedReads reads;

    CustomerAndOrderEventsController(
            ChangeFeed feed, CustomerService customers, OrderService orders, SharedReads reads) {
        this.feed = feed;
        this.customers = customers;
        this.orders = orders;
        this.reads = reads;
        reads.define("customer", CustomerAndOrderEventsController::aboutACustomer, customers::findAll);
        reads.define("order", event -> event instanceof OrderPlaced, orders::findAll);
    }

    private static boolean aboutACustomer(DomainEvent event) {
        return event instanceof CustomerCreated
                || event instanceof CustomerUpdated
                || event instanceof CustomersMerged
                || event instanceof CustomerErased
                || event instanceof CustomerSegmentChanged;
    }

    @SubscriptionMapping
    Flux<CustomerEvent> customerEvents(@Argument String after) {
        return reads.following(
                "customer",
                feed.events(Positions.parse(after))
                        .filter(e -> aboutACustomer(e.event()))
                        // the customer as it is now (masked like any query); none for the one merged away
                        .flatMapSequential(e -> reads.entity(
                                        e.position(),
                                        "customer",
                                        () -> customers.find(e.event().entityId()))
                                .map(found -> toCustomerEvent(e, found.orElse(null)))));
    }

    @SubscriptionMapping
    Flux<OrderEvent> orderEvents(@Argument String customerId, @Argument String after) {
        return reads.following(
                "order",
                feed.events(Positions.parse(after))
                        .filter(e -> e.event() instanceof OrderPlaced placed
                                && (customerId == null || customerId.equals(placed.customerId())))
                        .flatMapSequential(e -> reads.entity(
                                        e.position(),
                                        "order",
                                        () -> orders.find(e.event().entityId()))
                                .flatMap(found -> Mono.justOrEmpty(found.map(order -> new OrderEvent(
                                        String.valueOf(e.position()), "PLACED", order, e.at(), e.actor()))))));
    }

    private static CustomerEvent toCustomerEvent(ChangeEvent change, Customer customer) {
        String id = change.event().entityId();
        String position = String.valueOf(change.position());
        return switch (change.event()) {
            case CustomerCreated created ->
                new CustomerEvent(
                        position, "CREATED", id, null, customer, List.of(), null, null, change.at(), change.actor());
            case CustomerUpdated updated ->
                new CustomerEvent(
                        position,
                        "UPDATED",
                        id,
                        null,
                        customer,
                        updated.fields(),
                        null,
                        null,
                        change.at(),
                        change.actor());
            case CustomersMerged merged ->
                new CustomerEvent(
                        position,
                        "MERGED",
                        id,
                        merged.mergedId(),
                        customer,
                        List.of(),
                        null,
                        null,
                        change.at(),
                        change.actor());
            case CustomerErased erased ->
                new CustomerEvent(
                        position, "ERASED", id, null, customer, List.of(), null, null, change.at(), change.actor());
            case CustomerSegmentChanged moved ->
                new CustomerEvent(
                        position,
                        "SEGMENT_CHANGED",
                        id,
                        null,
                        customer,
                        List.of("segment"),
                        moved.fromSegment(),
                        moved.toSegment(),
                        change.at(),
                        change.actor());
            default ->
                throw new IllegalArgumentException(
                        "not a customer event: " + change.event().type());
        };
    }
}
