package org.crmgraph.graph.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.event.DomainEvent;
import org.crmgraph.graph.event.DomainEvents;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes domain events into the change log in the transaction of the change, and reads them back in order.
 *
 * <p>An event is written without a position, as {@code (:ChangeEvent:Unsequenced)}, so writes take no shared lock
 * and commit concurrently. Right after the commit the {@link ChangeLogSequencer} numbers the committed events in one
 * transaction that locks the {@code (:OutboxSequence)} node: positions are gap-free, and a reader that has seen
 * position n never later finds a committed n-1. Readers see events once they have a position, a few milliseconds after
 * the commit. One entity's changes are numbered in the order they were made (its writes are serialised by the
 * entity's lock, and events are numbered by their time).
 *
 * <p>The first version took the sequence lock in every writing transaction and held it until the commit: writers
 * then waited for each other's disk flush, which more than doubled the median write latency at 50 writes a second.
 */
@Component
public class Outbox {

    /** Attributes are stored as properties under this prefix: ids, counts and field-name lists are all property values. */
    private static final String ATTRIBUTE = "attribute.";

    // orders one JVM's events of the same instant; across instances the time alone orders them
    private static final AtomicLong ORDER = new AtomicLong();

    /**
     * Appends {@link Pending#parameters() pending} events inside the caller's own statement, placed after its writes
     * where one row goes through (it passes that row on unchanged): on a hot write this saves the round trip of a
     * statement of the log's own.
     */
    public static final String APPEND_CLAUSE = """
            CALL () {
              UNWIND $changeEvents AS event
              CREATE (e:ChangeEvent:Unsequenced {type: event.type, entityId: event.entityId, actor: $changeActor,
                                                 at: event.at, order: event.order})
              SET e += event.attributes
            }
            """;

    private static final String APPEND_ALL = "WITH 1 AS one\n" + APPEND_CLAUSE;
    // the SET on the sequence node takes its lock: events are numbered by one transaction at a time, each reading the
    // committed `next` and the committed unsequenced events after it got the lock
    private static final String SEQUENCE = """
            MATCH (waiting:Unsequenced) WITH count(waiting) AS waiting WHERE waiting > 0
            MERGE (s:OutboxSequence {name: 'changes'})
              ON CREATE SET s.next = 1
            SET s.sequencedAt = datetime()
            WITH s
            MATCH (e:Unsequenced)
            WITH s, e ORDER BY e.at, e.order LIMIT $limit
            WITH s, collect(e) AS events
            WITH s, events, s.next AS first
            SET s.next = first + size(events)
            WITH first, events
            UNWIND range(0, size(events) - 1) AS i
            WITH first + i AS position, events[i] AS e
            SET e.position = position
            REMOVE e:Unsequenced
            RETURN count(*) AS sequenced
            """;
    private static final String AFTER = """
            MATCH (e:ChangeEvent) WHERE e.position > $after
            RETURN e ORDER BY e.position LIMIT $limit
            """;
    private static final String HEAD = """
            OPTIONAL MATCH (s:OutboxSequence {name: 'changes'}) RETURN coalesce(s.next, 1) - 1 AS head
            """;
    // an event a consumer's cursor (webhook deliveries) has not passed yet stays, however old
    private static final String PURGE = """
            OPTIONAL MATCH (c:ChangeLogCursor)
            WITH coalesce(min(c.position), 9223372036854775807) AS kept
            MATCH (e:ChangeEvent) WHERE e.at < $before AND e.position <= kept
            WITH e LIMIT 10000
            DELETE e
            RETURN count(*) AS deleted
            """;
    private static final String OLDEST = """
            MATCH (e:ChangeEvent) RETURN min(e.position) AS oldest
            """;

    private final CypherRunner cypher;
    private final DomainEvents events;
    private volatile Runnable committed = () -> {};

    public Outbox(CypherRunner cypher, DomainEvents events) {
        this.cypher = cypher;
        this.events = events;
    }

    /**
     * What a service does with an event about its write: appends it to the log in the write's transaction, and
     * publishes it to this instance's listeners once that transaction committed (never for one rolled back, and once
     * for a transaction retried after a transient failure).
     */
    public void record(SimpleQueryRunner tx, DomainEvent event) {
        recordAll(tx, List.of(event));
    }

    /** {@link #record} for many events of one transaction, appended in one statement (a bulk merge's events). */
    public void recordAll(SimpleQueryRunner tx, List<? extends DomainEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Pending pending = pending(batch);
        tx.run(APPEND_ALL, pending.parameters()).consume();
        pending.appended();
    }

    /**
     * Events a write appends in its own statement ({@link #APPEND_CLAUSE} with these {@link Pending#parameters()});
     * once that statement ran, {@link Pending#appended()} has them published after the transaction commits, as
     * {@link #record} does.
     */
    public Pending pending(List<? extends DomainEvent> batch) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>(batch.size());
        for (DomainEvent event : batch) {
            Map<String, Object> row = new HashMap<>();
            row.put("type", event.type());
            row.put("entityId", event.entityId());
            row.put("attributes", attributes(event));
            row.put("at", event.occurredAt().atOffset(ZoneOffset.UTC));
            row.put("order", ORDER.incrementAndGet());
            rows.add(row);
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("changeEvents", rows);
        parameters.put("changeActor", Actor.current());
        return new Pending(java.util.Collections.unmodifiableMap(parameters), () -> {
            committed.run();
            batch.forEach(events::publish);
        });
    }

    /** Events on their way into the log with a write's own statement. */
    public static final class Pending {

        private final Map<String, Object> parameters;
        private final Runnable publish;

        private Pending(Map<String, Object> parameters, Runnable publish) {
            this.parameters = parameters;
            this.publish = publish;
        }

        /** What {@link #APPEND_CLAUSE} reads, to add to the statement's own parameters. */
        public Map<String, Object> parameters() {
            return parameters;
        }

        /** The statement ran: publish once its transaction committed (never for one rolled back). */
        public void appended() {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        publish.run();
                    }
                });
            } else {
                publish.run();
            }
        }
    }

    private static Map<String, Object> attributes(DomainEvent event) {
        Map<String, Object> attributes = new HashMap<>();
        event.attributes().forEach((name, value) -> {
            if (value != null) {
                attributes.put(ATTRIBUTE + name, value);
            }
        });
        return attributes;
    }

    /**
     * Appends {@code event}, made by the current {@link Actor}, in the caller's write transaction (unnumbered yet)
     * without publishing it here: what another instance's commit looks like to this one.
     */
    public void append(SimpleQueryRunner tx, DomainEvent event) {
        tx.run(APPEND_ALL, pending(List.of(event)).parameters()).consume();
    }

    /** Numbers up to {@code limit} committed events that have no position yet, oldest first; how many. */
    public int sequence(int limit) {
        return cypher
                .write(SEQUENCE, Map.of("limit", limit), r -> r.get("sequenced").asInt())
                .stream()
                .findFirst()
                .orElse(0);
    }

    /** Called after a transaction that appended events committed (the sequencer numbers them at once). */
    void onCommitted(Runnable listener) {
        this.committed = listener;
    }

    /** Committed events after {@code position}, oldest first, at most {@code limit}. */
    public List<ChangeEvent> after(long position, int limit) {
        return cypher.read(AFTER, Map.of("after", position, "limit", limit), r -> read(r.get("e")));
    }

    /** The same, read in the caller's transaction. */
    public List<ChangeEvent> after(SimpleQueryRunner tx, long position, int limit) {
        return tx.run(AFTER, Map.of("after", position, "limit", limit)).list(r -> read(r.get("e")));
    }

    /** The position of the last committed event, 0 before the first. */
    public long head() {
        return cypher.read(HEAD, Map.of(), r -> r.get("head").asLong()).getFirst();
    }

    /** The oldest position still kept, or empty when the log is empty: what a reconnecting reader can still get. */
    public java.util.OptionalLong oldest() {
        Value oldest = cypher.read(OLDEST, Map.of(), r -> r.get("oldest")).getFirst();
        return oldest.isNull() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(oldest.asLong());
    }

    /** Deletes events older than {@code retention} that every consumer's cursor has passed, in batches; how many. */
    public long purge(Duration retention) {
        long total = 0;
        Instant before = Instant.now().minus(retention);
        while (true) {
            long deleted = cypher.write(
                            PURGE,
                            Map.of("before", before.atOffset(ZoneOffset.UTC)),
                            r -> r.get("deleted").asLong())
                    .getFirst();
            total += deleted;
            if (deleted < 10_000) {
                return total;
            }
        }
    }

    private static ChangeEvent read(Value e) {
        Map<String, Object> attributes = new HashMap<>();
        e.asMap().forEach((name, value) -> {
            if (name.startsWith(ATTRIBUTE)) {
                attributes.put(name.substring(ATTRIBUTE.length()), value);
            }
        });
        return new ChangeEvent(
                e.get("position").asLong(),
                e.get("actor").asString(),
                DomainEvents.fromStored(
                        e.get("type").asString(),
                        e.get("entityId").asString(),
                        e.get("at").asZonedDateTime().toInstant(),
                        attributes));
    }
}
