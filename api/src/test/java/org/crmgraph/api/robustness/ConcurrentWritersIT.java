package org.crmgraph.api.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmgraph.api.CrmIntegrationTest;
import org.crmgraph.api.TestClients;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.fixture.GraphFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Eight clients write at once for a while: five each own one field of the same three customers (if an
 * update rewrote the whole node from a stale read, another thread's field would go back), three race to
 * create customers with the same e-mail addresses and place orders. Nothing acknowledged may be lost,
 * no e-mail may end up twice, and no client may see an internal error (deadlocks are retried).
 * {@code SoakBenchmark} runs the same kind of load for minutes against the packaged service.
 */
@CrmIntegrationTest
class ConcurrentWritersIT {

    private static final Duration RUN = Duration.ofSeconds(15);
    private static final List<String> CUSTOMERS = List.of("c1", "c2", "c3");
    private static final List<String> FIELDS = List.of("name", "email", "phone", "city", "country");
    private static final List<String> COUNTRIES = List.of("GB", "DE", "FR", "NL", "IE");

    @Autowired
    TestClients clients;

    @Autowired
    CypherRunner cypher;

    @Test
    void concurrentWritersLoseNothingAndDuplicateNothing() throws Exception {
        GraphFixture.crm(cypher);
        GraphQlTester graphQl = clients.as(clients.adminKey());
        long deadline = System.nanoTime() + RUN.toNanos();
        Map<String, String> lastWritten = new ConcurrentHashMap<>();
        List<String> ordersPlaced = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> createdPerEmail = new ConcurrentHashMap<>();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger requests = new AtomicInteger();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> workers = new ArrayList<>();
        for (String field : FIELDS) {
            workers.add(pool.submit(() -> {
                for (int i = 0; System.nanoTime() < deadline; i++) {
                    for (String customer : CUSTOMERS) {
                        String value = value(field, customer, i);
                        var payload = graphQl.document(
                                        "mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { errors { code message } } }")
                                .variable("id", customer)
                                .variable("input", Map.of(field, value))
                                .execute();
                        requests.incrementAndGet();
                        List<?> errors = payload.path("updateCustomer.errors")
                                .entityList(Object.class)
                                .get();
                        if (errors.isEmpty()) {
                            lastWritten.put(
                                    customer + "." + field, field.equals("email") ? value.toLowerCase() : value);
                        } else {
                            unexpected.add(field + " " + value + ": " + errors);
                        }
                    }
                }
                return null;
            }));
        }
        for (int t = 0; t < 3; t++) {
            workers.add(pool.submit(() -> {
                for (int k = 0; System.nanoTime() < deadline; k++) {
                    var created = graphQl.document(
                                    "mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } errors { code } } }")
                            .variable("input", Map.of("name", "Racer " + k, "email", "dup-" + k + "@example.com"))
                            .execute();
                    List<String> codes = created.path("createCustomer.errors[*].code")
                            .entityList(String.class)
                            .get();
                    if (codes.isEmpty()) {
                        createdPerEmail
                                .computeIfAbsent(k, x -> new AtomicInteger())
                                .incrementAndGet();
                    } else if (!codes.equals(List.of("DUPLICATE_EMAIL"))) {
                        unexpected.add("create dup-" + k + ": " + codes);
                    }
                    String customer = CUSTOMERS.get(k % CUSTOMERS.size());
                    var order = graphQl.document(
                                    "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } errors { code } } }")
                            .variable(
                                    "input",
                                    Map.of(
                                            "customerId",
                                            customer,
                                            "lines",
                                            List.of(Map.of("sku", "AUD-1", "quantity", 1))))
                            .execute();
                    requests.addAndGet(2);
                    String id = order.path("placeOrder.order.id")
                            .entity(String.class)
                            .get();
                    ordersPlaced.add(id);
                }
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> worker : workers) {
            worker.get(RUN.toSeconds() + 120, TimeUnit.SECONDS);
        }

        assertThat(unexpected).isEmpty();
        // no lost update: every field holds the last value its owner was told was written
        for (String customer : CUSTOMERS) {
            Map<String, Object> stored = cypher.read(
                            "MATCH (c:Customer {id: $id}) RETURN properties(c) AS c",
                            Map.of("id", customer),
                            r -> r.get(0).asMap())
                    .getFirst();
            for (String field : FIELDS) {
                assertThat(stored.get(field))
                        .as(customer + "." + field)
                        .isEqualTo(lastWritten.get(customer + "." + field));
            }
        }
        // no duplicate: exactly one customer per raced e-mail, and it was acknowledged exactly once
        var perEmail = cypher.read(
                "MATCH (c:Customer) WHERE c.email STARTS WITH 'dup-' RETURN c.email AS email, count(c) AS n",
                Map.of(),
                r -> Map.entry(r.get("email").asString(), r.get("n").asLong()));
        assertThat(perEmail)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isEqualTo(1L));
        assertThat(createdPerEmail.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(perEmail).hasSize(createdPerEmail.size());
        // nothing acknowledged is lost
        long stored = cypher.read(
                        "MATCH (o:Order) WHERE o.id IN $ids RETURN count(o)",
                        Map.of("ids", ordersPlaced),
                        r -> r.get(0).asLong())
                .getFirst();
        assertThat(stored).isEqualTo(ordersPlaced.size());
        System.out.printf(
                "Concurrent writers: %d requests in %d s from 8 clients; %d orders, %d raced e-mails, no loss, no duplicate%n",
                requests.get(), RUN.toSeconds(), ordersPlaced.size(), perEmail.size());
    }

    private static String value(String field, String customer, int i) {
        return switch (field) {
            case "name" -> "Name " + customer + " " + i;
            case "email" -> customer + "-" + i + "@Example.com";
            case "phone" -> "+44207946" + String.format("%04d", i % 10_000);
            case "city" -> "City " + i;
            case "country" -> COUNTRIES.get(i % COUNTRIES.size());
            default -> throw new IllegalArgumentException(field);
        };
    }
}
