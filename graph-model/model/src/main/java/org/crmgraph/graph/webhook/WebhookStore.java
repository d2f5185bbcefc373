package org.crmgraph.graph.webhook;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.outbox.ChangeEvent;
import org.crmgraph.graph.outbox.Outbox;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Webhook endpoints and their delivery queue, in the graph.
 *
 * <p>Deliveries are made from the change log by whoever holds the delivery lease: one transaction locks the
 * {@code (:ChangeLogCursor {name: 'webhooks'})}, reads the events after it, creates a {@code (:WebhookDelivery)} per
 * event and interested webhook, and moves the cursor. An event is thus turned into deliveries exactly once, even if
 * two instances tried at the same moment, and a crash between the events' commit and their fan-out only delays them.
 * The change log's retention purge keeps what a cursor has not passed yet.
 */
@Component
public class WebhookStore {

    /** The cursor's name; the change log keeps every event after the lowest cursor. */
    public static final String CURSOR = "webhooks";

    private static final String CREATE = """
            OPTIONAL MATCH (s:OutboxSequence {name: 'changes'})
            WITH coalesce(s.next, 1) - 1 AS head
            MERGE (c:ChangeLogCursor {name: $cursor})
              ON CREATE SET c.position = head
            CREATE (w:Webhook {id: $id, url: $url, events: $events, customerId: $customerId,
                               description: $description, secret: $secret, active: true, fromPosition: head,
                               createdAt: datetime(), createdBy: $actor})
            RETURN w
            """;
    private static final String LIST = """
            MATCH (w:Webhook) RETURN w ORDER BY w.createdAt, w.id
            """;
    private static final String FIND = """
            MATCH (w:Webhook {id: $id}) RETURN w
            """;
    private static final String DELETE = """
            MATCH (w:Webhook {id: $id})
            OPTIONAL MATCH (d:WebhookDelivery {webhookId: $id})
            WITH w, collect(d) AS deliveries, properties(w) AS kept
            FOREACH (d IN deliveries | DELETE d)
            DELETE w
            RETURN kept AS w
            """;
    private static final String ANY_ACTIVE = """
            RETURN EXISTS { MATCH (w:Webhook {active: true}) }
                OR EXISTS { MATCH (d:WebhookDelivery {status: 'PENDING'}) } AS work
            """;
    private static final String LOCK_CURSOR = """
            MATCH (c:ChangeLogCursor {name: $cursor})
            SET c.lockedAt = datetime()
            RETURN c.position AS position
            """;
    private static final String CURSOR_POSITION = """
            OPTIONAL MATCH (c:ChangeLogCursor {name: $cursor}) RETURN c.position AS position
            """;
    private static final String FAN_OUT = """
            UNWIND $events AS event
            OPTIONAL MATCH (raiser:Customer)-[:RAISED]->(:Ticket {id: event.entityId})
              WHERE event.type STARTS WITH 'TICKET_'
            OPTIONAL MATCH (buyer:Customer)-[:PLACED]->(:Order {id: event.entityId})
              WHERE event.type STARTS WITH 'ORDER_'
            WITH event, event.customerIds + [id IN [raiser.id, buyer.id] WHERE id IS NOT NULL] AS customers
            MATCH (w:Webhook {active: true})
            WHERE event.type IN w.events AND event.position > w.fromPosition
              AND (w.customerId IS NULL OR w.customerId IN customers)
            CREATE (:WebhookDelivery {id: w.id + '-' + toString(event.position), webhookId: w.id,
                                      position: event.position, eventType: event.type, entityId: event.entityId,
                                      body: event.body, status: 'PENDING', attempts: 0,
                                      createdAt: datetime(), nextAttemptAt: datetime()})
            RETURN count(*) AS created
            """;
    private static final String MOVE_CURSOR = """
            MATCH (c:ChangeLogCursor {name: $cursor}) SET c.position = $position
            """;
    // the earliest pending delivery of each webhook and entity only: a later event about the same ticket waits
    // until the earlier one is delivered or parked, so each entity's events arrive in order. Ordered as the
    // (status, nextAttemptAt) index is, so the scan stops after $limit instead of sorting the whole backlog: the first
    // version also ordered by position, and under load each round's cost grew with the backlog it was meant to clear
    private static final String DUE = """
            MATCH (d:WebhookDelivery)
            WHERE d.status = 'PENDING' AND d.nextAttemptAt <= datetime()
              AND NOT EXISTS {
                MATCH (earlier:WebhookDelivery {webhookId: d.webhookId, entityId: d.entityId, status: 'PENDING'})
                WHERE earlier.position < d.position
              }
            WITH d ORDER BY d.status, d.nextAttemptAt LIMIT $limit
            MATCH (w:Webhook {id: d.webhookId})
            RETURN d, w.url AS url, w.secret AS secret
            """;
    private static final String RECORD = """
            UNWIND $results AS result
            MATCH (d:WebhookDelivery {id: result.id, status: 'PENDING'})
            SET d.attempts = d.attempts + 1,
                d.lastAttemptAt = result.at,
                d.lastStatusCode = result.statusCode,
                d.lastError = result.error,
                d.status = result.status,
                d.nextAttemptAt = result.nextAttemptAt,
                d.deliveredAt = CASE WHEN result.status = 'DELIVERED' THEN result.at ELSE null END
            """;
    private static final String BY_STATUS = """
            MATCH (d:WebhookDelivery {status: $status})
            WHERE ($webhookId IS NULL OR d.webhookId = $webhookId) AND d.position > $after
            RETURN d ORDER BY d.position, d.id LIMIT $limit
            """;
    private static final String REPLAY = """
            UNWIND $ids AS id
            MATCH (d:WebhookDelivery {id: id, status: 'DEAD'})
            SET d.status = 'PENDING', d.attempts = 0, d.nextAttemptAt = datetime(), d.replayedAt = datetime(),
                d.replayedBy = $actor
            RETURN d
            """;
    private static final String COUNTS = """
            UNWIND $ids AS id
            MATCH (d:WebhookDelivery {webhookId: id})
            RETURN id, d.status AS status, count(*) AS count
            """;
    private static final String PURGE = """
            MATCH (d:WebhookDelivery {status: 'DELIVERED'}) WHERE d.deliveredAt < $before
            WITH d LIMIT 10000
            DELETE d
            RETURN count(*) AS deleted
            """;

    /**
     * What the delivery side makes of an event: the body every interested webhook gets, and the customers it names
     * (a ticket's or an order's customer is looked up here, as it is when the event is delivered).
     */
    public record Described(String body, List<String> customerIds) {}

    /** A delivery due now, with where it goes and the key it is signed with. */
    public record Due(WebhookDelivery delivery, String url, String secret) {}

    /**
     * What one attempt came to.
     *
     * @param nextAttemptAt when to try again; null with {@code DEAD} (no attempt left) and {@code DELIVERED}
     */
    public record Attempt(
            String deliveryId,
            WebhookDelivery.Status status,
            Instant at,
            @Nullable Integer statusCode,
            @Nullable String error,
            @Nullable Instant nextAttemptAt) {}

    /** A new webhook and its signing secret, which is shown this once. */
    public record Created(Webhook webhook, String secret) {}

    private final CypherRunner cypher;
    private final Outbox outbox;
    private final WebhookSecretBox secrets;
    private final SecureRandom random = new SecureRandom();

    public WebhookStore(CypherRunner cypher, Outbox outbox, WebhookSecretBox secrets) {
        this.cypher = cypher;
        this.outbox = outbox;
        this.secrets = secrets;
    }

    /** Registers an endpoint; it receives the events committed after this one. */
    public Created create(
            String url, List<String> events, @Nullable String customerId, @Nullable String description, String actor) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("cursor", CURSOR);
        parameters.put(
                "id", "wh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        parameters.put("url", url);
        parameters.put("events", List.copyOf(events));
        parameters.put("customerId", customerId);
        parameters.put("description", description);
        parameters.put("secret", secrets.seal(secret));
        parameters.put("actor", actor);
        Webhook webhook =
                cypher.write(CREATE, parameters, r -> Webhook.from(r.get("w"))).getFirst();
        return new Created(webhook, secret);
    }

    public List<Webhook> list() {
        return cypher.read(LIST, Map.of(), r -> Webhook.from(r.get("w")));
    }

    public Optional<Webhook> find(String id) {
        return cypher.readOptional(FIND, Map.of("id", id), r -> Webhook.from(r.get("w")));
    }

    /** Deletes the webhook and every delivery it has (pending ones are not sent). */
    public Optional<Webhook> delete(String id) {
        return cypher.write(DELETE, Map.of("id", id), r -> Webhook.from(r.get("w"))).stream()
                .findFirst();
    }

    /** Whether there is anything to deliver now or later: an active webhook or a pending delivery. */
    public boolean hasWork() {
        return cypher.read(ANY_ACTIVE, Map.of(), r -> r.get("work").asBoolean()).getFirst();
    }

    /** The last change-log position turned into deliveries; 0 while no webhook was ever registered. */
    public long cursor() {
        var position = cypher.read(CURSOR_POSITION, Map.of("cursor", CURSOR), r -> r.get("position"))
                .getFirst();
        return position.isNull() ? 0 : position.asLong();
    }

    /**
     * Turns up to {@code limit} events after the cursor into deliveries, in one transaction with moving the cursor;
     * how many events it took (0 when there were none, or no webhook was ever registered).
     */
    public int fanOut(Function<ChangeEvent, Described> describe, int limit) {
        return cypher.inWrite(tx -> {
            var locked = tx.run(LOCK_CURSOR, Map.of("cursor", CURSOR)).list();
            if (locked.isEmpty()) {
                return 0;
            }
            long cursor = locked.getFirst().get("position").asLong();
            List<ChangeEvent> events = outbox.after(tx, cursor, limit);
            if (events.isEmpty()) {
                return 0;
            }
            List<Map<String, Object>> rows = new ArrayList<>(events.size());
            for (ChangeEvent event : events) {
                Described described = describe.apply(event);
                rows.add(Map.of(
                        "position", event.position(),
                        "type", event.event().type(),
                        "entityId", event.event().entityId(),
                        "body", described.body(),
                        "customerIds", described.customerIds()));
            }
            tx.run(FAN_OUT, Map.of("events", rows)).consume();
            tx.run(
                            MOVE_CURSOR,
                            Map.of(
                                    "cursor",
                                    CURSOR,
                                    "position",
                                    events.getLast().position()))
                    .consume();
            return events.size();
        });
    }

    /** Deliveries to attempt now, at most {@code limit}, at most one per webhook and entity (the earliest). */
    public List<Due> due(int limit) {
        return cypher.read(
                DUE,
                Map.of("limit", limit),
                r -> new Due(
                        WebhookDelivery.from(r.get("d")),
                        r.get("url").asString(),
                        secrets.open(r.get("secret").asString())));
    }

    /** Records attempts in one transaction; an attempt on a delivery no longer pending (deleted meanwhile) is dropped. */
    public void record(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>(attempts.size());
        for (Attempt attempt : attempts) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", attempt.deliveryId());
            row.put("status", attempt.status().name());
            row.put("at", utc(attempt.at()));
            row.put("statusCode", attempt.statusCode());
            row.put("error", attempt.error());
            row.put("nextAttemptAt", attempt.nextAttemptAt() == null ? null : utc(attempt.nextAttemptAt()));
            rows.add(row);
        }
        cypher.write(RECORD, Map.of("results", rows));
    }

    /** Deliveries in one status, oldest event first, after a position (for paging), of one webhook or all. */
    public List<WebhookDelivery> withStatus(
            WebhookDelivery.Status status, @Nullable String webhookId, long afterPosition, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("status", status.name());
        parameters.put("webhookId", webhookId);
        parameters.put("after", afterPosition);
        parameters.put("limit", limit);
        return cypher.read(BY_STATUS, parameters, r -> WebhookDelivery.from(r.get("d")));
    }

    /** Puts dead deliveries back in the queue with fresh attempts; the ones that were dead, as they are now. */
    public List<WebhookDelivery> replay(List<String> deliveryIds, String actor) {
        return cypher.write(
                REPLAY, Map.of("ids", List.copyOf(deliveryIds), "actor", actor), r -> WebhookDelivery.from(r.get("d")));
    }

    /** How many of each webhook's deliveries are in each status (absent: none), in one query. */
    public Map<String, Map<WebhookDelivery.Status, Long>> counts(List<String> webhookIds) {
        Map<String, Map<WebhookDelivery.Status, Long>> counts = new HashMap<>();
        cypher.read(COUNTS, Map.of("ids", List.copyOf(webhookIds)), r -> r)
                .forEach(r -> counts.computeIfAbsent(r.get("id").asString(), id -> new HashMap<>())
                        .put(
                                WebhookDelivery.Status.valueOf(r.get("status").asString()),
                                r.get("count").asLong()));
        return counts;
    }

    /** Deletes deliveries made longer ago than {@code retention}; dead ones stay until replayed or their webhook goes. */
    public long purgeDelivered(Duration retention) {
        long total = 0;
        OffsetDateTime before = utc(Instant.now().minus(retention));
        while (true) {
            long deleted = cypher.write(
                            PURGE,
                            Map.of("before", before),
                            r -> r.get("deleted").asLong())
                    .getFirst();
            total += deleted;
            if (deleted < 10_000) {
                return total;
            }
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
