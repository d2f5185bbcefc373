package org.crmgraph.benchmarks;

import java.nio.file.Files;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import org.crmgraph.graph.customer.Customer;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.embedded.EmbeddedNeo4j;
import org.crmgraph.graph.embedded.EmbeddedNeo4jProperties;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.NotificationClassification;
import org.neo4j.driver.SessionConfig;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.Neo4jTemplate;
import org.springframework.data.neo4j.core.mapping.Neo4jMappingContext;
import org.springframework.data.neo4j.core.schema.Node;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;

/**
 * What one read costs through the service's door to the database ({@link CypherRunner}: Spring Data Neo4j's client,
 * transaction manager and a retry template) against the same read in a driver-managed transaction (the door before
 * issue 13), on one embedded Neo4j, in alternating rounds so that both see the same machine.
 */
public final class DatabaseDoorBenchmark {

    private static final String READ = "MATCH (c:Customer {id: $id}) RETURN c.name AS name";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ApiLatencyBenchmark.options(args);
        int reads = Integer.parseInt(options.getOrDefault("reads", "5000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "4"));
        try (var neo4j = EmbeddedNeo4j.start(
                        Files.createTempDirectory("door-bench"), new EmbeddedNeo4jProperties(0, "256m", false, true));
                var driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
            driver.executableQuery("UNWIND range(0, 999) AS i CREATE (:Customer {id: 'c' + i, name: 'Name ' + i})")
                    .execute();
            driver.executableQuery("CREATE INDEX IF NOT EXISTS FOR (c:Customer) ON (c.id)")
                    .execute();
            CypherRunner door = CypherRunner.over(driver);
            var bookmarks = driver.executableQueryBookmarkManager();
            int[] next = {0};
            IntSupplier viaDoor = () -> door.read(
                            READ,
                            Map.of("id", "c" + (next[0]++ % 1000)),
                            r -> r.get("name").asString())
                    .size();
            IntSupplier viaDriver = () -> {
                try (var session = driver.session(
                        SessionConfig.builder().withBookmarkManager(bookmarks).build())) {
                    return session.executeRead(tx -> tx.run(READ, Map.of("id", "c" + (next[0]++ % 1000)))
                                    .list(r -> r.get("name").asString()))
                            .size();
                }
            };
            time(viaDoor, reads);
            time(viaDriver, reads);
            System.out.printf(
                    "%n| round | CypherRunner (SDN) p50 µs | mean µs | driver executeRead p50 µs | mean µs |%n");
            System.out.println("|---|---|---|---|---|");
            for (int round = 1; round <= rounds; round++) {
                double[] sdn = time(viaDoor, reads);
                double[] plain = time(viaDriver, reads);
                System.out.printf("| %d | %.0f | %.0f | %.0f | %.0f |%n", round, sdn[0], sdn[1], plain[0], plain[1]);
            }
            unrecognizedNotifications(neo4j, door, reads, rounds);
            mappedEntities(driver, door, reads, rounds);
        }
    }

    /** A customer as Spring Data Neo4j would map it: the same fields the hand-written {@code Customer.from} reads. */
    @Node("Customer")
    record MappedCustomer(
            @Id String id,
            String name,
            String email,
            String phone,
            String country,
            String city,
            ZonedDateTime createdAt,
            ZonedDateTime updatedAt) {}

    /**
     * Issue 13 asked to use mapped entities where they remove hand-written mapping without costing speed: a customer
     * by id through {@link Neo4jTemplate#findById} against the service's read of the node mapped by hand.
     */
    private static void mappedEntities(Driver driver, CypherRunner door, int reads, int rounds) {
        driver.executableQuery("""
                        MATCH (c:Customer) SET c.email = c.id + '@example.com', c.phone = '+4420794600' + c.id,
                          c.country = 'GB', c.city = 'Bath', c.createdAt = datetime(), c.updatedAt = datetime()
                        """).execute();
        var mapping = new Neo4jMappingContext();
        mapping.setInitialEntitySet(Set.of(MappedCustomer.class));
        mapping.initialize();
        var template = new Neo4jTemplate(
                Neo4jClient.create(driver),
                mapping,
                Neo4jTransactionManager.with(driver).build());
        // what the application context would hand it: a class loader, entity callbacks and the like (none here)
        template.setBeanClassLoader(DatabaseDoorBenchmark.class.getClassLoader());
        template.setBeanFactory(new DefaultListableBeanFactory());
        int[] next = {0};
        IntSupplier mapped = () -> template.findById("c" + (next[0]++ % 1000), MappedCustomer.class)
                .map(c -> 1)
                .orElse(0);
        IntSupplier byHand = () -> door.read(
                        "MATCH (c:Customer {id: $id}) RETURN c",
                        Map.of("id", "c" + (next[0]++ % 1000)),
                        r -> Customer.from(r.get("c")))
                .size();
        time(mapped, reads);
        time(byHand, reads);
        System.out.printf(
                "%n| round | Neo4jTemplate.findById p50 µs | mean µs | CypherRunner + Customer.from p50 µs | mean µs |%n");
        System.out.println("|---|---|---|---|---|");
        for (int round = 1; round <= rounds; round++) {
            double[] a = time(mapped, reads);
            double[] b = time(byHand, reads);
            System.out.printf("| %d | %.0f | %.0f | %.0f | %.0f |%n", round, a[0], a[1], b[0], b[1]);
        }
    }

    /**
     * A read of a property no node has yet (an analytics score before the first refresh) makes the server send an
     * "unrecognized" notification with the result, which Spring Data Neo4j screens; the service's driver turns that
     * classification off. This compares the same read with it on and off.
     */
    private static void unrecognizedNotifications(
            EmbeddedNeo4j neo4j, CypherRunner withNotifications, int reads, int rounds) {
        String read = "MATCH (c:Customer {id: $id}) RETURN c.name AS name, c.notYetComputedScore AS score";
        var config = Config.builder()
                .withDisabledNotificationClassifications(Set.of(NotificationClassification.UNRECOGNIZED))
                .build();
        try (var quiet = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken(), config)) {
            CypherRunner withoutNotifications = CypherRunner.over(quiet);
            int[] next = {0};
            IntSupplier on = () -> withNotifications
                    .read(
                            read,
                            Map.of("id", "c" + (next[0]++ % 1000)),
                            r -> r.get("name").asString())
                    .size();
            IntSupplier off = () -> withoutNotifications
                    .read(
                            read,
                            Map.of("id", "c" + (next[0]++ % 1000)),
                            r -> r.get("name").asString())
                    .size();
            time(on, reads);
            time(off, reads);
            System.out.printf(
                    "%n| round | unrecognized notifications on: p50 µs | mean µs | off: p50 µs | mean µs |%n");
            System.out.println("|---|---|---|---|---|");
            for (int round = 1; round <= rounds; round++) {
                double[] a = time(on, reads);
                double[] b = time(off, reads);
                System.out.printf("| %d | %.0f | %.0f | %.0f | %.0f |%n", round, a[0], a[1], b[0], b[1]);
            }
        }
    }

    /** @return p50 and mean in microseconds */
    private static double[] time(IntSupplier read, int count) {
        List<Long> nanos = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            if (read.getAsInt() != 1) {
                throw new IllegalStateException("expected one row");
            }
            nanos.add(System.nanoTime() - started);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {
            sorted[sorted.length / 2] / 1000.0, Arrays.stream(sorted).average().orElse(0) / 1000.0
        };
    }
}
