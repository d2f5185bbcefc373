package org.crmgraph.graph.lease;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.cypher.Records;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Leases kept in the graph, so that a job that must run once at a time (an analytics refresh, a classifier training,
 * an import) runs on one instance at a time among all that share the database, not merely once per JVM. A lease is a
 * {@code (:Lease {name})} node with its owner, a token per acquisition and an expiry; the holder renews it in the
 * background, and a crashed holder's lease simply expires.
 */
@Component
public class Leases implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Leases.class);

    // Setting a property first takes the node's write lock, so the expiry read after it is the committed one: two
    // instances racing for a free lease are serialised here and the second sees the first's claim.
    private static final String ACQUIRE = """
            MERGE (l:Lease {name: $name})
            SET l.claimedAt = datetime()
            WITH l, l.token IS NULL OR l.expiresAt IS NULL OR l.expiresAt < datetime() AS free
            SET l.owner = CASE WHEN free THEN $owner ELSE l.owner END,
                l.token = CASE WHEN free THEN $token ELSE l.token END,
                l.acquiredAt = CASE WHEN free THEN datetime() ELSE l.acquiredAt END,
                l.expiresAt = CASE WHEN free THEN datetime() + duration({milliseconds: $ttl}) ELSE l.expiresAt END
            RETURN free, l.owner AS owner, l.expiresAt AS expiresAt
            """;
    private static final String RENEW = """
            MATCH (l:Lease {name: $name, token: $token})
            SET l.expiresAt = datetime() + duration({milliseconds: $ttl})
            RETURN count(l) > 0 AS held
            """;
    private static final String RELEASE = """
            MATCH (l:Lease {name: $name, token: $token})
            SET l.token = null, l.expiresAt = null, l.releasedAt = datetime()
            """;

    private final CypherRunner cypher;
    private final LeaseProperties settings;
    private final String owner;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("lease-renewal").daemon().factory());

    public Leases(CypherRunner cypher, LeaseProperties settings) {
        this.cypher = cypher;
        this.settings = settings;
        this.owner = settings.owner().isBlank() ? defaultOwner() : settings.owner();
    }

    /** This instance's name in leases it holds. */
    public String owner() {
        return owner;
    }

    /** Takes the lease when it is free or expired; empty when another holder has it (or this one, in another job). */
    public Optional<Lease> tryAcquire(String name) {
        String token = UUID.randomUUID().toString();
        long sent = System.nanoTime();
        var claim = cypher.write(
                        ACQUIRE,
                        Map.of(
                                "name",
                                name,
                                "owner",
                                owner,
                                "token",
                                token,
                                "ttl",
                                settings.ttl().toMillis()),
                        r -> r)
                .getFirst();
        if (!claim.get("free").asBoolean()) {
            return Optional.empty();
        }
        return Optional.of(new Held(name, token, sent));
    }

    /**
     * Takes the lease or says who has it.
     *
     * @throws LeaseHeldException when another holder has it
     */
    public Lease acquire(String name) {
        return tryAcquire(name).orElseThrow(() -> {
            var holder = cypher.readOptional(
                            "MATCH (l:Lease {name: $name}) RETURN l.owner AS owner, l.expiresAt AS expiresAt",
                            Map.of("name", name),
                            r -> r)
                    .orElseThrow();
            return new LeaseHeldException(
                    name, Records.string(holder.get("owner")), Records.dateTime(holder.get("expiresAt")));
        });
    }

    /** Waits for the lease, trying every {@code poll}; interruptible. */
    public Lease acquireWhenFree(String name, Duration poll) throws InterruptedException {
        while (true) {
            Optional<Lease> lease = tryAcquire(name);
            if (lease.isPresent()) {
                return lease.get();
            }
            Thread.sleep(poll.toMillis());
        }
    }

    /** Who holds the named lease now, if anyone (an expired lease is held by nobody). */
    public Optional<String> holder(String name) {
        return cypher.readOptional(
                """
                MATCH (l:Lease {name: $name}) WHERE l.token IS NOT NULL AND l.expiresAt >= datetime()
                RETURN l.owner AS owner
                """, Map.of("name", name), r -> r.get("owner").asString());
    }

    @Override
    public void destroy() {
        renewals.shutdownNow();
    }

    private final class Held implements Lease {

        private final String name;
        private final String token;
        private final ScheduledFuture<?> renewal;
        private volatile boolean held = true;
        // measured from before the claim or renewal was sent, so this side gives up no later than the database does
        private volatile long validUntilNanos;

        Held(String name, String token, long claimSentNanos) {
            this.name = name;
            this.token = token;
            this.validUntilNanos = claimSentNanos + settings.ttl().toNanos();
            long every = settings.renewal().toMillis();
            this.renewal = renewals.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        }

        private void renew() {
            long sent = System.nanoTime();
            try {
                held = cypher.write(
                                RENEW,
                                Map.of(
                                        "name",
                                        name,
                                        "token",
                                        token,
                                        "ttl",
                                        settings.ttl().toMillis()),
                                r -> r.get("held").asBoolean())
                        .getFirst();
                if (held) {
                    validUntilNanos = sent + settings.ttl().toNanos();
                } else {
                    log.warn("Lease '{}' was lost (expired and taken over); the job holding it should stop", name);
                    renewal.cancel(false);
                }
            } catch (RuntimeException e) {
                // the database may be away for a moment; the next renewal tries again before the lease expires
                log.warn("Could not renew lease '{}': {}", name, e.getMessage());
            }
        }

        @Override
        public String name() {
            return name;
        }

        /** False once a renewal found it taken, or once it expired here while renewals could not reach the database. */
        @Override
        public boolean held() {
            return held && System.nanoTime() - validUntilNanos < 0;
        }

        @Override
        public void close() {
            renewal.cancel(false);
            try {
                cypher.write(RELEASE, Map.of("name", name, "token", token));
            } catch (RuntimeException e) {
                log.warn("Could not release lease '{}' (it expires by itself): {}", name, e.getMessage());
            }
        }
    }

    private static String defaultOwner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
