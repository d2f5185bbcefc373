package org.crmgraph.benchmarks;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.embedded.EmbeddedNeo4j;
import org.crmgraph.graph.embedded.EmbeddedNeo4jProperties;
import org.crmgraph.graph.event.DomainEvents;
import org.crmgraph.graph.event.TicketOpened;
import org.crmgraph.graph.outbox.ChangeLogSequencer;
import org.crmgraph.graph.outbox.Outbox;
import org.crmgraph.graph.schema.SchemaMigrations;
import org.crmgraph.graph.ticket.OpenTicketStatement;
import org.neo4j.driver.GraphDatabase;

/**
 * What the change log adds to a write, on one embedded Neo4j with the service's schema, in one process: writers open
 * tickets at a paced rate with {@code openTicket}'s own statement ({@link OpenTicketStatement}) in alternating
 * blocks, one block with the change event appended in the write's own statement ({@link Outbox#APPEND_CLAUSE}) and
 * the real {@link ChangeLogSequencer} numbering the events after the commits, the next without; then per block the
 * median write, and the median over all pairs of adjacent blocks of their difference.
 *
 * <p>Why not only the service benchmark ({@code RealTimeBenchmark --compare}): there, two builds run in two processes
 * minutes apart, and on this machine the p50 of one build moves by 11-21 ms from run to run, more than the effect.
 * Here both sides share the JVM, the store, the plans and the minute, block by block. What this leaves out is the
 * part of the write that does not change (GraphQL, security, HTTP), which the service benchmark measures.
 *
 * <pre>java ... OutboxCostBenchmark [--rate 50] [--writers 16] [--block-seconds 10] [--blocks 24] [--warm-up 60]</pre>
 */
public final class OutboxCostBenchmark {

    private static final String WITH_LOG = OpenTicketStatement.text(true);
    private static final String WITHOUT_LOG = OpenTicketStatement.text(false);

    private final CypherRunner cypher;
    private final Outbox outbox;
    private final AtomicInteger next = new AtomicInteger();

    private OutboxCostBenchmark(CypherRunner cypher, Outbox outbox) {
        this.cypher = cypher;
        this.outbox = outbox;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ApiLatencyBenchmark.options(args);
        int rate = Integer.parseInt(options.getOrDefault("rate", "50"));
        int writers = Integer.parseInt(options.getOrDefault("writers", "16"));
        int blockSeconds = Integer.parseInt(options.getOrDefault("block-seconds", "10"));
        int blocks = Integer.parseInt(options.getOrDefault("blocks", "24"));
        int warmUp = Integer.parseInt(options.getOrDefault("warm-up", "60"));
        try (var neo4j = EmbeddedNeo4j.start(
                        Files.createTempDirectory("outbox-bench"),
                        new EmbeddedNeo4jProperties(0, "256m", false, false));
                var driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
            CypherRunner cypher = CypherRunner.over(driver);
            new SchemaMigrations(cypher).apply();
            cypher.write("""
                    UNWIND range(0, 199) AS i
                    CREATE (:Customer {id: 'oc-' + i, name: 'Customer ' + i, createdAt: datetime()})
                    CREATE (:Product {sku: 'op-' + i, name: 'Product ' + i, price: 10.0})
                    """, Map.of());
            Outbox outbox = new Outbox(cypher, new DomainEvents(event -> {}));
            ChangeLogSequencer sequencer = new ChangeLogSequencer(outbox, event -> {});
            sequencer.start();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                var benchmark = new OutboxCostBenchmark(cypher, outbox);
                System.out.printf("Warm-up: %d s, both ways in turn ...%n", warmUp);
                for (int s = 0; s < warmUp; s += 2 * blockSeconds) {
                    benchmark.block(pool, true, rate, blockSeconds);
                    benchmark.block(pool, false, rate, blockSeconds);
                }
                List<Double> with = new ArrayList<>();
                List<Double> without = new ArrayList<>();
                List<Double> with95 = new ArrayList<>();
                List<Double> without95 = new ArrayList<>();
                System.out.printf("%n| block | change log | writes | p50 ms | p95 ms |%n|---|---|---|---|---|%n");
                for (int b = 0; b < blocks; b++) {
                    // which side goes first alternates too, so neither always follows the other's backlog
                    boolean logFirst = b % 2 == 0;
                    for (boolean log : new boolean[] {logFirst, !logFirst}) {
                        Latencies block = benchmark.block(pool, log, rate, blockSeconds);
                        (log ? with : without).add(block.percentileMillis(50));
                        (log ? with95 : without95).add(block.percentileMillis(95));
                        System.out.printf(
                                "| %d | %s | %d | %.2f | %.2f |%n",
                                b + 1,
                                log ? "with" : "without",
                                block.count(),
                                block.percentileMillis(50),
                                block.percentileMillis(95));
                    }
                }
                List<Double> differences = new ArrayList<>();
                List<Double> differences95 = new ArrayList<>();
                for (int b = 0; b < blocks; b++) {
                    differences.add(with.get(b) - without.get(b));
                    differences95.add(with95.get(b) - without95.get(b));
                }
                double withMedian = median(with);
                double withoutMedian = median(without);
                double difference = median(differences);
                System.out.printf(
                        "%nmedian block p50: without the change log %.2f ms, with it %.2f ms; median paired difference"
                                + " %+.2f ms (%+.1f%% of the write without it); pairs where the log was slower: %d of"
                                + " %d%n",
                        withoutMedian,
                        withMedian,
                        difference,
                        100 * difference / withoutMedian,
                        differences.stream().filter(d -> d > 0).count(),
                        blocks);
                System.out.printf(
                        "median block p95: without %.2f ms, with %.2f ms; median paired difference %+.2f ms (%+.1f%%)%n",
                        median(without95),
                        median(with95),
                        median(differences95),
                        100 * median(differences95) / median(without95));
            } finally {
                pool.shutdown();
                sequencer.stop();
            }
        }
    }

    /** One block of paced writes, each its own transaction; their latencies, from when each was due. */
    private Latencies block(ExecutorService pool, boolean log, int rate, int seconds) {
        int total = rate * seconds;
        Latencies latencies = new Latencies(total);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        List<CompletableFuture<Void>> done = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            LockSupport.parkNanos(due - System.nanoTime());
            done.add(CompletableFuture.runAsync(
                    () -> {
                        write(log);
                        latencies.add(System.nanoTime() - due);
                    },
                    pool));
        }
        done.forEach(CompletableFuture::join);
        return latencies;
    }

    private void write(boolean log) {
        int n = next.getAndIncrement();
        String id = "ot-" + n;
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("customerId", "oc-" + n % 200);
        parameters.put("productSku", "op-" + n % 200);
        parameters.put(
                "properties",
                Map.of(
                        "id",
                        id,
                        "subject",
                        "Question " + n,
                        "body",
                        "Something about product op-" + n % 200,
                        "priority",
                        "MEDIUM",
                        "channel",
                        "WEB"));
        if (!log) {
            cypher.write(WITHOUT_LOG, parameters);
            return;
        }
        var pending = outbox.pending(List.of(new TicketOpened(id, "oc-" + n % 200, "op-" + n % 200, Instant.now())));
        parameters.putAll(pending.parameters());
        cypher.write(WITH_LOG, parameters);
        pending.appended();
    }

    private static double median(List<Double> values) {
        return new Median()
                .evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
