package org.crmgraph.graph.cypher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmgraph.graph.testing.EmbeddedTestDatabase;
import org.crmgraph.graph.testing.RealNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The door to the database as its callers rely on it, on Spring Data Neo4j's client and transaction manager. */
@RealNeo4j
class CypherRunnerIT {

    @TempDir
    static Path dataDir;

    static EmbeddedTestDatabase database;
    static CypherRunner cypher;

    @BeforeAll
    static void start() {
        database = EmbeddedTestDatabase.start(dataDir, false);
        cypher = CypherRunner.over(database.driver());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @BeforeEach
    void empty() {
        cypher.write("MATCH (n) DETACH DELETE n", Map.of());
    }

    private long count() {
        return cypher.read(
                        "MATCH (n:Probe) RETURN count(n) AS n",
                        Map.of(),
                        r -> r.get("n").asLong())
                .getFirst();
    }

    @Test
    void everyRecordGivesOneElementEvenWhenItMapsToNull() {
        assertThat(cypher.read(
                        "UNWIND [1, null, 3] AS x RETURN x",
                        Map.of(),
                        r -> r.get("x").isNull() ? null : r.get("x").asInt()))
                .containsExactly(1, null, 3);
        assertThat(cypher.readOptional(
                        "RETURN null AS x", Map.of(), r -> r.get("x").asObject()))
                .isEmpty();
    }

    @Test
    void workInsideATransactionJoinsItAndSeesItsOwnWrites() {
        long before = cypher.transactionCount();
        long seen = cypher.inWrite(tx -> {
            tx.run("CREATE (:Probe)").consume();
            cypher.write("CREATE (:Probe)", Map.of());
            return count();
        });
        assertThat(seen).isEqualTo(2);
        assertThat(cypher.transactionCount() - before)
                .as("one transaction, joined")
                .isEqualTo(1);
    }

    @Test
    void aRehearsalShowsWhatTheWorkWouldDoAndLeavesNothing() {
        long inside = cypher.rehearse(tx -> {
            tx.run("CREATE (:Probe), (:Probe), (:Probe)").consume();
            return tx.run("MATCH (n:Probe) RETURN count(n) AS n")
                    .single()
                    .get("n")
                    .asLong();
        });
        assertThat(inside).isEqualTo(3);
        assertThat(count()).isZero();
    }

    @Test
    void workUnderARequestDeadlineIsStoppedInTheDatabaseWhenItRunsOut() {
        long started = System.nanoTime();
        // a query that would run for minutes: the deadline's transaction timeout stops it in the database
        assertThatThrownBy(() -> TransactionDeadline.within(
                        Duration.ofSeconds(1),
                        () -> cypher.read(
                                "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7919 = -1 RETURN count(x) AS n",
                                Map.of(), r -> r.get("n").asLong())))
                .isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(cypher.read(
                        "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH 'UNWIND range' RETURN count(*) AS n",
                        Map.of(),
                        r -> r.get("n").asLong()))
                .as("nothing of it is left running")
                .containsExactly(0L);
        // a deadline already past opens no transaction at all; work without one is unaffected
        assertThatThrownBy(() -> TransactionDeadline.within(
                        Duration.ZERO,
                        () -> cypher.read(
                                "RETURN 1 AS n", Map.of(), r -> r.get("n").asLong())))
                .isInstanceOf(TransactionDeadline.Exceeded.class);
        assertThat(cypher.read("RETURN 1 AS n", Map.of(), r -> r.get("n").asLong()))
                .containsExactly(1L);
    }

    @Test
    void aRehearsalInsideAnotherTransactionIsRefusedAndTheOuterWorkCommits() {
        cypher.inWrite(tx -> {
            tx.run("CREATE (:Probe)").consume();
            assertThatThrownBy(() -> cypher.rehearse(inner -> inner.run("CREATE (:Probe)")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("a transaction of its own");
            return null;
        });
        assertThat(count())
                .as("the outer transaction was not marked for rollback")
                .isEqualTo(1);
    }

    @Test
    void aReadTransactionRefusesToWriteAndAFailedWriteLeavesNothing() {
        assertThatThrownBy(() -> cypher.read("CREATE (n:Probe) RETURN n", Map.of(), r -> r))
                .isNotNull();
        assertThatThrownBy(() -> cypher.inWrite(tx -> {
                    tx.run("CREATE (:Probe)").consume();
                    throw new IllegalStateException("the work fails after writing");
                }))
                .hasMessage("the work fails after writing");
        assertThat(count()).isZero();
    }

    @Test
    void transientFailuresAreRetriedAndOthersAreNot() {
        AtomicInteger attempts = new AtomicInteger();
        long written = cypher.inWrite(tx -> {
            tx.run("CREATE (:Probe)").consume();
            if (attempts.incrementAndGet() < 3) {
                throw new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "a deadlock");
            }
            return tx.run("MATCH (n:Probe) RETURN count(n) AS n")
                    .single()
                    .get("n")
                    .asLong();
        });
        assertThat(attempts).hasValue(3);
        assertThat(written).as("the failed attempts were rolled back").isEqualTo(1);

        AtomicInteger once = new AtomicInteger();
        assertThatThrownBy(() -> cypher.inWrite(tx -> {
                    once.incrementAndGet();
                    throw new IllegalArgumentException("not transient");
                }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(once).hasValue(1);
    }

    /** A runner whose batches run inside this JVM on the embedded database, as the service's are. */
    private static CypherRunner withInProcessBatches() {
        var transactions = database.neo4j().transactions();
        var databases = org.springframework.data.neo4j.core.DatabaseSelectionProvider.getDefaultSelectionProvider();
        return new CypherRunner(
                org.springframework.data.neo4j.core.Neo4jClient.create(database.driver(), databases),
                org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager.with(database.driver())
                        .withDatabaseSelectionProvider(databases)
                        .build(),
                database.driver(),
                databases,
                Duration.ofSeconds(30),
                null,
                new InProcessWrites() {
                    @Override
                    public <T> T inWrite(
                            java.util.function.Function<org.neo4j.driver.SimpleQueryRunner, T> work, Duration timeout) {
                        return transactions.inWrite(work, timeout);
                    }
                });
    }

    @Test
    void aBatchRunsInsideTheJvmAndItsAfterCommitWorkRunsOnlyForTheAttemptThatCommitted() {
        CypherRunner batches = withInProcessBatches();
        AtomicInteger attempts = new AtomicInteger();
        List<String> afterCommit = new CopyOnWriteArrayList<>();
        List<String> completions = new CopyOnWriteArrayList<>();
        String protocol = batches.inBatchWrite(tx -> {
            int attempt = attempts.incrementAndGet();
            assertThat(tx.run("CREATE (:Probe)").consume().counters().nodesCreated())
                    .isEqualTo(1);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    // what the change log's publication relies on: the write is visible to others by now
                    afterCommit.add(attempt + " saw " + count());
                }

                @Override
                public void beforeCommit(boolean readOnly) {
                    completions.add(attempt + " before commit");
                }

                @Override
                public void beforeCompletion() {
                    completions.add(attempt + " before completion");
                }

                @Override
                public void afterCompletion(int status) {
                    completions.add(attempt + (status == STATUS_COMMITTED ? " committed" : " rolled back"));
                }
            });
            assertThat(count()).as("not visible outside before the commit").isZero();
            if (attempt == 1) {
                throw new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "a deadlock");
            }
            return tx.run("SHOW TRANSACTIONS YIELD protocol, currentQuery "
                            + "WHERE currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN protocol")
                    .single()
                    .get("protocol")
                    .asString();
        });
        assertThat(protocol).as("no Bolt between the batch and the database").isEqualTo("embedded");
        assertThat(count()).as("the failed attempt was rolled back").isEqualTo(1);
        assertThat(afterCommit).containsExactly("2 saw 1");
        assertThat(completions)
                .as("the order Spring's transaction manager keeps around a driver transaction")
                .containsExactly(
                        "1 before completion",
                        "1 rolled back",
                        "2 before commit",
                        "2 before completion",
                        "2 committed");
        assertThat(TransactionSynchronizationManager.isSynchronizationActive()).isFalse();

        assertThatThrownBy(() -> batches.inBatchWrite(tx -> {
                    tx.run("CREATE (:Probe)").consume();
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            afterCommit.add("the failed batch");
                        }
                    });
                    throw new IllegalArgumentException("not transient");
                }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(count()).as("nothing of the failed batch").isEqualTo(1);
        assertThat(afterCommit).containsExactly("2 saw 1");
        assertThat(TransactionSynchronizationManager.isSynchronizationActive()).isFalse();
    }

    @Test
    void aBatchInsideAnotherTransactionJoinsIt() {
        CypherRunner batches = withInProcessBatches();
        assertThatThrownBy(() -> batches.inWrite(tx -> {
                    batches.inBatchWrite(inner -> inner.run("CREATE (:Probe)").consume());
                    throw new IllegalStateException("the outer work fails after the batch");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(count()).as("the batch went with the outer transaction").isZero();
    }
}
