package org.crmgraph.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.crmgraph.api.FixtureGraphTest;
import org.crmgraph.graph.outbox.Outbox;
import org.crmgraph.graph.security.ApiKeyStore;
import org.crmgraph.graph.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;

/** The change log: one event per committed change, none for a refused one, no personal values, gap-free positions. */
class ChangeLogIT extends FixtureGraphTest {

    @Autowired
    org.crmgraph.graph.customer.CustomerService customers;

    @LocalServerPort
    int port;

    @Autowired
    ApiKeyStore keys;

    @Autowired
    Outbox outbox;

    private WebSocketGraphQlClient client() {
        return Subscribers.client(
                port,
                keys.create("change log subscriber", Role.DATA_STEWARD, "test").secret());
    }

    /** Events are numbered just after their commit, on the sequencer's thread. */
    private List<org.crmgraph.graph.outbox.ChangeEvent> awaitEvents(long after, int count) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        var events = outbox.after(after, 10_000);
        while (events.size() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            events = outbox.after(after, 10_000);
        }
        return events;
    }

    @Test
    void concurrentWritersEventsGetGapFreePositionsAndEachCustomersEventsKeepTheirOrder() throws Exception {
        long before = outbox.head();
        int writers = 6;
        int each = 15;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                String id = customers
                        .create(new org.crmgraph.graph.customer.CustomerInput(
                                "Writer " + writer, "writer-" + writer + "@example.com", null, null, null))
                        .value()
                        .id();
                for (int i = 0; i < each; i++) {
                    customers.update(
                            id, new org.crmgraph.graph.customer.CustomerInput(null, null, null, null, "City " + i));
                }
            }));
        }
        for (var future : done) {
            future.get();
        }
        pool.shutdown();
        int expected = writers * (each + 1);
        var events = awaitEvents(before, expected);
        assertThat(events).hasSize(expected);
        assertThat(events)
                .extracting(e -> e.position())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(before + 1, before + expected)
                        .boxed()
                        .toList());
        // per customer: created first, then its updates, in the order they were made (each is after the last)
        Map<String, List<org.crmgraph.graph.outbox.ChangeEvent>> byCustomer = new java.util.TreeMap<>();
        events.forEach(e -> byCustomer
                .computeIfAbsent(e.event().entityId(), k -> new java.util.ArrayList<>())
                .add(e));
        assertThat(byCustomer).hasSize(writers);
        byCustomer.values().forEach(list -> {
            assertThat(list.getFirst().event().type()).isEqualTo("CUSTOMER_CREATED");
            assertThat(list.stream().map(e -> e.event().occurredAt()).toList()).isSorted();
        });
        assertThat(cypher.read(
                        "MATCH (e:Unsequenced) RETURN count(e) AS n",
                        Map.of(),
                        r -> r.get("n").asLong()))
                .containsExactly(0L);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(ClientGraphQlResponse response, String name) {
        return (Map<String, Object>) ((Map<String, Object>) response.getData()).get(name);
    }

    @Autowired
    org.crmgraph.graph.cypher.CypherRunner cypher;

    @Autowired
    org.springframework.context.ConfigurableApplicationContext context;

    @Test
    void anEventAppendedInATransactionThatThenFailsIsNeitherLoggedNorPublished() {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.springframework.context.ApplicationListener<org.springframework.context.ApplicationEvent> listener =
                event -> {
                    if (event instanceof org.springframework.context.PayloadApplicationEvent<?> payload
                            && payload.getPayload() instanceof org.crmgraph.graph.event.TicketOpened opened) {
                        heard.add(opened.entityId());
                    }
                };
        context.addApplicationListener(listener);
        try {
            rollBackOneAppendAndCommitAnother(heard);
        } finally {
            // the context is shared with the other tests of this class and of others with the same configuration
            context.removeApplicationListener(listener);
        }
    }

    private void rollBackOneAppendAndCommitAnother(List<String> heard) {
        long before = outbox.head();

        // the append ran (in the statement, as openTicket's does), then the write failed: the transaction rolls back
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cypher.inWrite(tx -> {
                    outbox.recordAll(
                            tx,
                            List.of(new org.crmgraph.graph.event.TicketOpened(
                                    "rolled-back", "c1", null, java.time.Instant.now())));
                    throw new IllegalStateException("a failure after the append");
                }))
                .hasMessageContaining("a failure after the append");
        cypher.inWrite(tx -> {
            outbox.recordAll(
                    tx,
                    List.of(new org.crmgraph.graph.event.TicketOpened(
                            "committed", "c1", null, java.time.Instant.now())));
            return null;
        });

        var events = awaitEvents(before, 1);
        assertThat(events).extracting(e -> e.event().entityId()).containsExactly("committed");
        assertThat(heard).containsExactly("committed");
        assertThat(cypher.read(
                        "MATCH (e:ChangeEvent {entityId: 'rolled-back'}) RETURN count(e) AS n",
                        Map.of(),
                        r -> r.get("n").asLong()))
                .containsExactly(0L);
    }

    @Test
    void aRefusedWriteLeavesNoEventAndCommittedOnesGetTheNextPositionsWithoutPersonalValues() {
        long before = outbox.head();
        graphQl.document("""
                mutation { openTicket(input: {customerId: "nobody", subject: "x", body: "y"}) { errors { code } } }""")
                .execute()
                .path("openTicket.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");
        assertThat(outbox.head()).isEqualTo(before);

        String id = graphQl.document("""
                mutation { createCustomer(input: {name: "Lena Logged", email: "lena.logged@example.com"}) { customer { id } } }""")
                .execute()
                .path("createCustomer.customer.id")
                .entity(String.class)
                .get();
        graphQl.document("mutation($id: ID!) { updateCustomer(id: $id, input: {city: \"Leeds\"}) { errors { code } } }")
                .variable("id", id)
                .execute();
        var events = awaitEvents(before, 2);
        assertThat(events).extracting(e -> e.event().type()).containsExactly("CUSTOMER_CREATED", "CUSTOMER_UPDATED");
        assertThat(events).extracting(e -> e.position()).containsExactly(before + 1, before + 2);
        assertThat(events.get(1).event().attributes()).isEqualTo(Map.of("fields", List.of("city")));
        // ids and field names only: nothing of the person is in the log
        List<String> stored = cypher.read(
                "MATCH (e:ChangeEvent) WHERE e.position > $before RETURN properties(e) AS p",
                Map.of("before", before),
                r -> r.get("p").asMap().toString());
        assertThat(String.join(" ", stored))
                .doesNotContain("Lena")
                .doesNotContain("lena.logged")
                .doesNotContain("Leeds");
    }

    @Test
    void customerAndOrderSubscribersGetTheirEventsInCommitOrder() {
        WebSocketGraphQlClient client = client();
        String after = String.valueOf(outbox.head());
        var customerEvents = client.document("""
                        subscription($after: ID) { customerEvents(after: $after) { type customerId changedFields customer { city } } }""")
                .variable("after", after)
                .executeSubscription()
                .map(r -> field(r, "customerEvents"))
                .take(2)
                .replay(2);
        customerEvents.connect();
        var orderEvents = client.document("""
                        subscription($after: ID) { orderEvents(customerId: "c2", after: $after) { type order { id customer { id } } } }""")
                .variable("after", after)
                .executeSubscription()
                .map(r -> field(r, "orderEvents"))
                .take(1)
                .replay(1);
        orderEvents.connect();

        graphQl.document("mutation { updateCustomer(id: \"c2\", input: {city: \"Bonn\"}) { errors { code } } }")
                .execute();
        // an order of another customer is filtered out; c2's comes through
        graphQl.document(
                        "mutation { placeOrder(input: {customerId: \"c3\", lines: [{sku: \"CAB-1\", quantity: 1}]}) { order { id } } }")
                .execute();
        String orderId = graphQl.document(
                        "mutation { placeOrder(input: {customerId: \"c2\", lines: [{sku: \"CAB-1\", quantity: 1}]}) { order { id } } }")
                .execute()
                .path("placeOrder.order.id")
                .entity(String.class)
                .get();
        graphQl.document("mutation { eraseCustomer(id: \"c5\") { errors { code } } }")
                .execute();

        List<Map<String, Object>> customers = customerEvents.collectList().block(Duration.ofSeconds(10));
        assertThat(customers).extracting(e -> e.get("type")).containsExactly("UPDATED", "ERASED");
        assertThat(customers.get(0)).containsEntry("customerId", "c2").containsEntry("changedFields", List.of("city"));
        assertThat(((Map<?, ?>) customers.get(0).get("customer")).get("city")).isEqualTo("Bonn");
        Map<String, Object> order = orderEvents.blockFirst(Duration.ofSeconds(10));
        assertThat(order).containsEntry("type", "PLACED");
        assertThat(((Map<?, ?>) order.get("order")).get("id")).isEqualTo(orderId);
        client.stop().block();
    }
}
