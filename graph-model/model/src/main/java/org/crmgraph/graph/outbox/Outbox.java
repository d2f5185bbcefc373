package org.crmgraph.graph.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Positions come from one {@code (:OutboxSequence)} node that every appending transaction locks before it reads
 * the next number, and holds until it commits: commits are in position order, a rolled-back transaction gives its
 * number back, and a reader that has seen position n never later finds a committed n-1. The price is that writes
 * with events take turns on that lock for the moment between the append and the commit.
 */
@Component
public class Outbox {

    /** Attributes are stored as properties under this prefix: ids, counts and field-name lists are all property values. */
    private static final String ATTRIBUTE = "attribute.";

    // the first SET takes the sequence's lock, so the number read after it is the committed one
    private static final String APPEND = """
            MERGE (s:OutboxSequence {name: 'changes'})
              ON CREATE SET s.next = 1
            SET s.lastAppendAt = $at
            WITH s
            WITH s, s.next AS position
            SET s.next = position + 1
            CREATE (e:ChangeEvent {position: position, type: $type, entityId: $entityId, actor: $actor, at: $at})
            SET e += $attributes
            RETURN position
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
        append(tx, event);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publish(event);
                }
            });
        } else {
            events.publish(event);
        }
    }

    /** Appends {@code event}, made by the current {@link Actor}, in the caller's write transaction; its position. */
    public long append(SimpleQueryRunner tx, DomainEvent event) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("type", event.type());
        parameters.put("entityId", event.entityId());
        Map<String, Object> attributes = new HashMap<>();
        event.attributes().forEach((name, value) -> {
            if (value != null) {
                attributes.put(ATTRIBUTE + name, value);
            }
        });
        parameters.put("attributes", attributes);
        parameters.put("actor", Actor.current());
        parameters.put("at", event.occurredAt().atOffset(ZoneOffset.UTC));
        return tx.run(APPEND, parameters).single().get("position").asLong();
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
