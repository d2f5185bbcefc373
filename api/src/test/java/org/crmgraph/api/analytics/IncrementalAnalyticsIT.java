package org.crmgraph.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.crmgraph.analytics.metrics.CustomerMetrics;
import org.crmgraph.analytics.segment.Segmentation;
import org.crmgraph.api.FixtureGraphTest;
import org.crmgraph.graph.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Orders streamed in update their customer's metrics, RFM scores and segment within seconds, between full refreshes;
 * a customer who joins a segment gets a CUSTOMER_SEGMENT_CHANGED event; and what the incremental path writes for a
 * customer equals what the next full refresh writes for the same data.
 */
class IncrementalAnalyticsIT extends FixtureGraphTest {

    private static final Duration WITHIN = Duration.ofSeconds(15);

    @Autowired
    CustomerMetrics metrics;

    @Autowired
    Segmentation segmentation;

    private static final String INGEST_ORDERS = """
            mutation($records: [IngestOrderLineInput!]!) {
              ingestOrders(records: $records) { accepted records { status customerId problems { message } } } }""";

    /**
     * The fixture reset removes the consumer's cursor; made again it starts at the log's head, so it must exist before
     * a test's orders or it may start after them (as a consumer turned on follows changes from then on).
     */
    @org.junit.jupiter.api.BeforeEach
    void consumerFollowsFromHere() {
        incremental.consumeNext();
    }

    private String order(String orderId, String email, String placedAt, int quantity) {
        return graphQl.document(INGEST_ORDERS)
                .variable(
                        "records",
                        List.of(Map.of(
                                "orderId",
                                orderId,
                                "placedAt",
                                placedAt,
                                "sku",
                                "AUD-1",
                                "quantity",
                                quantity,
                                "unitPrice",
                                100.0,
                                "customer",
                                Map.of("email", email))))
                .execute()
                .path("ingestOrders.records[0].customerId")
                .entity(String.class)
                .get();
    }

    private Map<String, Object> customer(String id) {
        return cypher.read(
                        "MATCH (c:Customer {id: $id}) OPTIONAL MATCH (c)-[:IN_SEGMENT]->(s:Segment) "
                                + "RETURN c {.frequency, .monetary, .recencyDays, .rfm, .rScore, .fScore, .mScore, "
                                + ".avgOrderValue, .lifetimeValue, .metricsUpdatedAt, segment: s.id} AS c",
                        Map.of("id", id),
                        r -> r.get("c").asMap())
                .getFirst();
    }

    @Test
    void withALifetimeValueModelAnOrderRenewsTheCustomersPredictionOnTheLastRefreshsParameters() {
        // the model a refresh would have left (CDNOW's published parameters), kept over the formula
        cypher.write("""
                CREATE (:LifetimeValueModel {name: 'bg-nbd-gamma-gamma', r: 0.2426, alpha: 4.4135, a: 0.7931,
                        b: 2.4259, p: 6.25, q: 3.74, gamma: 15.44, horizonDays: 365, customers: 100, kept: true,
                        asOf: datetime('2025-10-01T00:00Z'), fittedAt: datetime('2025-10-01T01:00Z')})
                """, Map.of());
        String carla = order("o-1", "carla@example.com", "2025-01-10T10:00:00Z", 1);
        order("o-2", "carla@example.com", "2025-02-10T10:00:00Z", 1);
        await().atMost(WITHIN)
                .until(() -> Long.valueOf(2).equals(customer(carla).get("frequency")));
        Map<String, Object> silent = lifetime(carla);
        // one repeat, then silent from February to the model's October: probably gone
        assertThat((Double) silent.get("probabilityAlive")).isLessThan(0.5);
        assertThat(silent.get("lifetimeValue")).isEqualTo(silent.get("predictedLifetimeValue"));

        order("o-3", "carla@example.com", "2025-09-30T10:00:00Z", 1);
        await().atMost(WITHIN)
                .until(() -> Long.valueOf(3).equals(customer(carla).get("frequency")));
        Map<String, Object> back = lifetime(carla);
        // back the day before the model's date: alive but for BG/NBD's chance of leaving right after a purchase
        assertThat((Double) back.get("probabilityAlive"))
                .isGreaterThan(0.75)
                .isGreaterThan(2 * (Double) silent.get("probabilityAlive"));
        assertThat((Double) back.get("predictedLifetimeValue"))
                .isGreaterThan(2 * (Double) silent.get("predictedLifetimeValue"));
        assertThat(back.get("lifetimeValue")).isEqualTo(back.get("predictedLifetimeValue"));
    }

    private Map<String, Object> lifetime(String id) {
        return cypher.read(
                        "MATCH (c:Customer {id: $id}) RETURN c {.predictedLifetimeValue, .probabilityAlive, "
                                + ".expectedPurchases, .lifetimeValue} AS c",
                        Map.of("id", id),
                        r -> r.get("c").asMap())
                .getFirst();
    }

    @Test
    void anOrderUpdatesItsCustomerWithinSecondsAndAgreesWithTheNextFullRefresh() {
        // five buyers, so segments can be made
        order("o-a", "carla@example.com", "2025-09-10T10:00:00Z", 1);
        order("o-b", "dieter@example.de", "2025-06-10T10:00:00Z", 3);
        order("o-c", "eve@example.com", "2025-05-10T10:00:00Z", 9);
        metrics.refresh();
        assertThat(segmentation.refresh()).isNotEmpty();
        Map<String, Object> before = customer("c2");
        assertThat(before.get("frequency")).isEqualTo(1L);

        order("o-d", "bob@example.org", "2025-09-20T10:00:00Z", 20);

        await().atMost(WITHIN).until(() -> Long.valueOf(2).equals(customer("c2").get("frequency")));
        Map<String, Object> incremental = customer("c2");
        assertThat(incremental.get("monetary")).isEqualTo(2298.0);
        assertThat(incremental.get("metricsUpdatedAt")).isNotNull();
        assertThat(incremental.get("rfm")).isNotNull().isNotEqualTo(before.get("rfm"));

        // the full refresh, over the same orders, computes the same metrics (its scores re-rank everyone)
        metrics.refresh();
        Map<String, Object> full = customer("c2");
        for (String metric : List.of("frequency", "monetary", "recencyDays", "avgOrderValue", "lifetimeValue")) {
            assertThat(incremental.get(metric)).as(metric).isEqualTo(full.get(metric));
        }
    }

    @Test
    void aFirstTimeBuyerJoinsTheNearestSegmentAndThatIsAnnounced() {
        order("o-a", "carla@example.com", "2025-09-10T10:00:00Z", 1);
        order("o-b", "dieter@example.de", "2025-06-10T10:00:00Z", 3);
        order("o-c", "eve@example.com", "2025-05-10T10:00:00Z", 9);
        metrics.refresh();
        assertThat(segmentation.refresh()).isNotEmpty();

        // the change log is kept from test to test: count what this test wrote
        var since = java.time.OffsetDateTime.now();
        var subscriber = org.crmgraph.api.events.Subscribers.client(
                port, keys.create("segment watcher", Role.ANALYST, "test").secret());
        var announcedLive = subscriber
                .document("""
                        subscription($after: ID) { customerEvents(after: $after) {
                          type customerId fromSegment toSegment changedFields customer { id } } }""")
                .variable("after", String.valueOf(outbox.head()))
                .executeSubscription()
                .map(response -> response.field("customerEvents")
                        .toEntity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {}))
                .filter(event -> "SEGMENT_CHANGED".equals(event.get("type")))
                .take(1)
                .replay(1);
        announcedLive.connect();
        String newcomer = order("o-n", "new.buyer@example.net", "2025-09-25T10:00:00Z", 2);

        await().atMost(WITHIN).until(() -> customer(newcomer).get("segment") != null);
        Map<String, Object> joined = customer(newcomer);
        assertThat(joined.get("rfm")).isNotNull();
        long announced = cypher.read(
                        "MATCH (e:ChangeEvent {type: 'CUSTOMER_SEGMENT_CHANGED', entityId: $id}) "
                                + "WHERE e.`attribute.fromSegment` IS NULL AND e.`attribute.toSegment` = $segment "
                                + "AND e.at >= $since "
                                + "RETURN count(e) AS n",
                        Map.of("id", newcomer, "segment", String.valueOf(joined.get("segment")), "since", since),
                        r -> r.get("n").asLong())
                .getFirst();
        assertThat(announced).isEqualTo(1);
        Map<String, Object> live = announcedLive.blockFirst(WITHIN);
        assertThat(live)
                .containsEntry("customerId", newcomer)
                .containsEntry("fromSegment", null)
                .containsEntry("toSegment", String.valueOf(joined.get("segment")))
                .containsEntry("changedFields", List.of("segment"));
        subscriber.stop().block();
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    org.crmgraph.graph.security.ApiKeyStore keys;

    @Autowired
    org.crmgraph.graph.outbox.Outbox outbox;

    @Autowired
    org.crmgraph.analytics.incremental.IncrementalAnalytics incremental;

    @Test
    void consumersRacingOverTheSameEventsApplyEachOnce() throws Exception {
        order("o-a", "carla@example.com", "2025-09-10T10:00:00Z", 1);
        order("o-b", "dieter@example.de", "2025-06-10T10:00:00Z", 3);
        order("o-c", "eve@example.com", "2025-05-10T10:00:00Z", 9);
        metrics.refresh();
        assertThat(segmentation.refresh()).isNotEmpty();
        var since = java.time.OffsetDateTime.now();
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add(Map.of(
                    "orderId",
                    "o-race-" + i,
                    "placedAt",
                    "2025-09-2" + (i % 9) + "T10:00:00Z",
                    "sku",
                    "AUD-1",
                    "quantity",
                    1 + i,
                    "unitPrice",
                    100.0,
                    "customer",
                    Map.of("email", "racer" + i + "@example.net")));
        }
        graphQl.document(INGEST_ORDERS).variable("records", lines).execute();

        // four consumers here besides the service's own, as several instances would be, all at once
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> racers = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            racers.add(pool.submit(() -> {
                start.await();
                for (int round = 0; round < 20; round++) {
                    incremental.consumeNext();
                }
                return null;
            }));
        }
        start.countDown();
        for (var racer : racers) {
            racer.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();

        await().atMost(WITHIN)
                .until(() -> cypher.read(
                                "MATCH (c:Customer) WHERE c.email STARTS WITH 'racer' AND (c)-[:IN_SEGMENT]->() "
                                        + "RETURN count(c) AS n",
                                Map.of(),
                                r -> r.get("n").asLong())
                        .getFirst()
                        .equals(12L));
        // each customer joined its segment once, so it was announced once, however many consumers saw the order
        List<Long> perCustomer =
                cypher.read("""
                MATCH (c:Customer) WHERE c.email STARTS WITH 'racer'
                CALL (c) {
                  OPTIONAL MATCH (e:ChangeEvent {type: 'CUSTOMER_SEGMENT_CHANGED', entityId: c.id})
                  WHERE e.at >= $since
                  RETURN count(e) AS n
                }
                RETURN n""", Map.of("since", since), r -> r.get("n").asLong());
        assertThat(perCustomer).hasSize(12).containsOnly(1L);
        assertThat(cypher.read(
                        "MATCH (c:Customer)-[r:IN_SEGMENT]->() WHERE c.email STARTS WITH 'racer' RETURN count(r) AS n",
                        Map.of(),
                        r -> r.get("n").asLong()))
                .containsExactly(12L);
    }

    @Test
    void aFullRefreshThatReadBeforeAnUpdateBetweenRefreshesDoesNotUndoIt() {
        // as if an order came in while a long refresh ran: the customer was updated after the refresh read the orders
        cypher.write(
                "MATCH (c:Customer {id: 'c2'}) SET c.frequency = 99, c.recencyDays = 0, c.monetary = 9900.0, "
                        + "c.metricsUpdatedAt = datetime() + duration('PT1H')",
                Map.of());
        metrics.refresh();
        assertThat(customer("c2").get("frequency")).isEqualTo(99L);
        // ... and scored among the others on the refresh's boundaries: far more orders than anyone, the top score
        assertThat(customer("c2").get("fScore")).isEqualTo(5L);
        assertThat(customer("c1").get("frequency")).isEqualTo(2L);
    }
}
