package org.crmgraph.graph.cypher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmgraph.graph.testing.EmbeddedTestDatabase;
import org.crmgraph.graph.testing.RealNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.exceptions.TransientException;

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
}
