package org.crmgraph.graph.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.schema.SchemaMigrations;
import org.crmgraph.graph.testing.EmbeddedTestDatabase;
import org.crmgraph.graph.testing.RealNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/** Leases as two instances see them: each {@link Leases} here is one instance sharing the database. */
@RealNeo4j
class LeasesIT {

    @TempDir
    static Path dataDir;

    static EmbeddedTestDatabase database;
    static CypherRunner cypher;

    @BeforeAll
    static void start() {
        database = EmbeddedTestDatabase.start(dataDir, false);
        cypher = CypherRunner.over(database.driver());
        new SchemaMigrations(cypher).apply();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @BeforeEach
    void noLeases() {
        cypher.write("MATCH (l:Lease) DETACH DELETE l", Map.of());
    }

    private static Leases instance(String owner, Duration ttl, Duration renewal) {
        return new Leases(cypher, new LeaseProperties(ttl, renewal, owner));
    }

    @Test
    void whileOneInstanceHoldsALeaseNoOtherGetsItAndAfterReleaseTheNextDoes() {
        Leases a = instance("a", Duration.ofSeconds(30), Duration.ofSeconds(10));
        Leases b = instance("b", Duration.ofSeconds(30), Duration.ofSeconds(10));
        try (Lease held = a.acquire("job")) {
            assertThat(held.held()).isTrue();
            assertThat(b.tryAcquire("job")).isEmpty();
            assertThat(a.tryAcquire("job"))
                    .as("one at a time within an instance too")
                    .isEmpty();
            assertThatThrownBy(() -> b.acquire("job"))
                    .isInstanceOfSatisfying(
                            LeaseHeldException.class, e -> assertThat(e.owner()).isEqualTo("a"));
            assertThat(b.holder("job")).contains("a");
            try (Lease other = b.acquire("another-job")) {
                assertThat(other.held())
                        .as("different names do not exclude each other")
                        .isTrue();
            }
        }
        assertThat(a.holder("job")).isEmpty();
        try (Lease next = b.acquire("job")) {
            assertThat(b.holder("job")).contains("b");
        }
        a.destroy();
        b.destroy();
    }

    @Test
    void aCrashedHoldersLeaseExpiresAndIsTakenOver() throws Exception {
        Leases crashed = instance("crashed", Duration.ofMillis(1500), Duration.ofMillis(500));
        Lease lost = crashed.acquire("job");
        crashed.destroy(); // the process dies: no more renewals, no release
        Leases survivor = instance("survivor", Duration.ofSeconds(30), Duration.ofSeconds(10));
        assertThat(survivor.tryAcquire("job")).isEmpty();
        Optional<Lease> taken = Optional.empty();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (taken.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            taken = survivor.tryAcquire("job");
        }
        assertThat(taken)
                .as("taken over after the crashed owner's lease expired")
                .isPresent();
        assertThat(survivor.holder("job")).contains("survivor");
        lost.close(); // a late release by the old owner must not free the new owner's lease
        assertThat(survivor.holder("job")).contains("survivor");
        taken.get().close();
        survivor.destroy();
    }

    @Test
    void aHolderWhoseLeaseWasTakenOverLearnsItAtItsNextRenewal() throws Exception {
        Leases paused = instance("paused", Duration.ofSeconds(30), Duration.ofMillis(300));
        Leases other = instance("other", Duration.ofSeconds(30), Duration.ofSeconds(10));
        Lease held = paused.acquire("job");
        // as if the holder had been paused past its expiry: the lease runs out and another instance takes it
        cypher.write("MATCH (l:Lease {name: 'job'}) SET l.expiresAt = datetime() - duration('PT1S')", Map.of());
        try (Lease taken = other.acquire("job")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (held.held() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(held.held()).as("the old holder knows it lost the lease").isFalse();
            assertThatThrownBy(held::ensureHeld)
                    .as("a job checking between its steps stops")
                    .isInstanceOf(LeaseLostException.class)
                    .hasMessageContaining("'job' was lost");
            held.close();
            assertThat(other.holder("job"))
                    .as("its release does not free the new holder's lease")
                    .contains("other");
        }
        paused.destroy();
        other.destroy();
    }

    @Test
    void aRenewedLeaseOutlivesItsTimeToLive() throws Exception {
        Leases a = instance("a", Duration.ofMillis(1500), Duration.ofMillis(300));
        Leases b = instance("b", Duration.ofSeconds(30), Duration.ofSeconds(10));
        try (Lease held = a.acquire("job")) {
            Thread.sleep(4_000);
            assertThat(held.held()).isTrue();
            assertThat(b.tryAcquire("job")).isEmpty();
        }
        a.destroy();
        b.destroy();
    }

    @Test
    void instancesRacingForAFreeLeaseGetItExactlyOnceARound() throws Exception {
        List<Leases> instances = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            instances.add(instance("i" + i, Duration.ofSeconds(30), Duration.ofSeconds(10)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(instances.size());
        try {
            for (int round = 0; round < 15; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Optional<Lease>>> attempts = new ArrayList<>();
                for (Leases leases : instances) {
                    attempts.add(pool.submit(() -> {
                        go.await();
                        return leases.tryAcquire("race");
                    }));
                }
                go.countDown();
                List<Lease> winners = new ArrayList<>();
                for (var attempt : attempts) {
                    attempt.get().ifPresent(winners::add);
                }
                assertThat(winners).as("round " + round).hasSize(1);
                winners.getFirst().close();
            }
        } finally {
            pool.shutdownNow();
            instances.forEach(Leases::destroy);
        }
    }

    @Test
    void aHolderCutOffFromTheDatabaseGivesItsLeaseUpWhenItWouldHaveExpired() throws Exception {
        // this instance's own connection to the database, then the network between them goes away
        Driver own = GraphDatabase.driver(
                database.neo4j().boltUri(), database.neo4j().authToken());
        Leases cutOff = new Leases(
                CypherRunner.over(own),
                new LeaseProperties(Duration.ofMillis(1500), Duration.ofMillis(300), "cut-off"));
        Lease held = cutOff.acquire("job");
        assertThat(held.held()).isTrue();
        own.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (held.held() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(held.held())
                .as("no renewal got through, so the holder cannot know the lease is still its own")
                .isFalse();
        assertThatThrownBy(held::ensureHeld).isInstanceOf(LeaseLostException.class);
        Leases other = instance("other", Duration.ofSeconds(30), Duration.ofSeconds(10));
        try (Lease taken = other.acquire("job")) {
            assertThat(taken.held()).as("and the database agrees: it expired").isTrue();
        }
        held.close();
        cutOff.destroy();
        other.destroy();
    }

    @Test
    void aRenewalShorterThanTheTimeToLiveIsRequired() {
        assertThatThrownBy(() -> new LeaseProperties(Duration.ofSeconds(5), Duration.ofSeconds(5), ""))
                .hasMessageContaining("crm.lease.renewal");
    }
}
