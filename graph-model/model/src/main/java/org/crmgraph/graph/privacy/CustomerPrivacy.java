package org.crmgraph.graph.privacy;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.event.CustomerErased;
import org.crmgraph.graph.event.DomainEvents;
import org.crmgraph.graph.idempotency.IdempotentResponses;
import org.crmgraph.graph.outbox.Outbox;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

/**
 * The data-subject rights of a customer: everything the graph holds about them, and erasure of their
 * personal data. Erasure keeps the customer node (with its id, country and value metrics) and its
 * orders, so revenue, segments and recommendations computed for others stay correct; it removes what
 * identifies the person: name, e-mail, phone, address, birth date, the source rows that were resolved to them, the
 * free text they wrote (interactions, ticket subjects, bodies and resolutions, support questions). It leaves
 * {@link Tombstones}, so that no import, creation or merge brings the person back.
 */
@Repository
public class CustomerPrivacy {

    /** Written in place of free text that may identify the person; the schema keeps these fields non-null. */
    public static final String ERASED_TEXT = "[erased]";

    private static final Set<String> NOT_EXPORTED = Set.of(
            "embedding", "embeddingZh", "tunedEmbedding", "fingerprint", "embeddedAt", "sentimentFingerprint", "hash");

    private static final String EXPORT = """
            MATCH (c:Customer {id: $id})
            RETURN c {.*} AS customer,
              COLLECT { MATCH (c)<-[:RESOLVED_TO]-(s:SourceRecord) RETURN s {.*} ORDER BY s.key } AS sourceRecords,
              COLLECT { MATCH (c)-[:PLACED]->(o:Order)
                        RETURN o {.*, lines: COLLECT { MATCH (o)-[l:CONTAINS]->(p:Product)
                                                       RETURN {sku: p.sku, product: p.name, quantity: l.quantity, unitPrice: l.unitPrice}
                                                       ORDER BY p.sku }}
                        ORDER BY o.placedAt, o.id } AS orders,
              COLLECT { MATCH (c)-[:RAISED]->(t:Ticket) RETURN t {.*} ORDER BY t.createdAt, t.id } AS tickets,
              COLLECT { MATCH (c)-[:HAD]->(i:Interaction) RETURN i {.*} ORDER BY i.occurredAt, i.id } AS interactions,
              COLLECT { MATCH (c)-[:ASKED]->(q:SupportQuery)
                        RETURN q {.id, .question, .askedAt, .decision, .category, .sentiment} ORDER BY q.askedAt, q.id }
                        AS supportQuestions,
              COLLECT { MATCH (c)-[:IN_SEGMENT]->(s:Segment) RETURN coalesce(s.name, s.id) } AS segments
            """;

    private static final String ERASE_CUSTOMER = """
            MATCH (c:Customer {id: $id})
            REMOVE c.name, c.email, c.phone, c.city, c.givenName, c.familyName, c.street, c.postcode, c.region,
                   c.birthDate
            REMOVE c.sentimentRecent, c.sentimentChange, c.sentimentMessages
            SET c.erased = true, c.erasedAt = datetime(), c.updatedAt = datetime()
            WITH c
            // duplicate candidates name the person's source records; an erased person is never reviewed again
            CALL (c) { MATCH (c)<-[:CANDIDATE]-(d:DuplicateCandidate) DETACH DELETE d }
            RETURN c.id AS id
            """;
    private static final String ERASE_PROVENANCE = """
            OPTIONAL MATCH (:Customer {id: $id})<-[:RESOLVED_TO]-(s:SourceRecord)
            WITH collect(s) AS records,
                 COLLECT { MATCH (:Customer {id: $id})<-[:RESOLVED_TO]-(:SourceRecord)-[:IN_BLOCK]->(b:MatchBlock)
                           RETURN DISTINCT b } AS blocks
            FOREACH (s IN records | DETACH DELETE s)
            // the matcher's blocks that only this person was in go with their records
            FOREACH (b IN [b IN blocks WHERE NOT (b)<-[:IN_BLOCK]-()] | DELETE b)
            RETURN size(records) AS n
            """;
    private static final String ERASE_INTERACTION_TEXT = """
            MATCH (:Customer {id: $id})-[:HAD]->(i:Interaction)
            // the sentiment was read from the erased words
            REMOVE i.text, i.sentiment, i.sentimentConfidence, i.sentimentModel, i.sentimentBy
            RETURN count(*) AS n
            """;
    // The ticket stays (product, category and dates feed analytics); without its resolution it is no answer source,
    // and the next embedding pass leaves it unanswerable.
    private static final String ERASE_TICKET_TEXT = """
            MATCH (:Customer {id: $id})-[:RAISED]->(t:Ticket)
            SET t.subject = $erased, t.body = $erased, t.answerable = false, t.updatedAt = datetime()
            REMOVE t:AnswerableTicket, t.embedding, t.embeddingZh, t.fingerprint, t.resolution, t.sentiment, t.sentimentConfidence,
                   t.sentimentModel, t.tunedEmbedding, t.tunedEncoder, t.tunedFingerprint
            RETURN count(*) AS n
            """;
    private static final String ERASE_QUESTIONS = """
            MATCH (:Customer {id: $id})-[a:ASKED]->(q:SupportQuery)
            DELETE a
            SET q.question = $erased
            REMOVE q.customerId, q.embedding, q.embeddingZh, q.sentiment, q.sentimentConfidence, q:RatedQuery
            RETURN count(*) AS n
            """;

    private final CypherRunner cypher;
    private final DomainEvents events;
    private final Tombstones tombstones;
    private final IdempotentResponses replays;
    private final Outbox outbox;

    public CustomerPrivacy(
            CypherRunner cypher,
            DomainEvents events,
            Tombstones tombstones,
            IdempotentResponses replays,
            Outbox outbox) {
        this.outbox = outbox;
        this.cypher = cypher;
        this.events = events;
        this.tombstones = tombstones;
        this.replays = replays;
    }

    /** Everything about the customer as plain maps and lists (dates as ISO-8601 text); empty when no such customer. */
    public Optional<Map<String, Object>> export(String customerId) {
        return cypher.readOptional(EXPORT, Map.of("id", customerId), r -> {
            Map<String, Object> document = new LinkedHashMap<>();
            for (String key : r.keys()) {
                document.put(key, plain(r.get(key)));
            }
            return document;
        });
    }

    /** What an erasure removed; empty when no such customer. */
    public record Erasure(
            String customerId, long sourceRecords, long interactions, long tickets, long supportQuestions) {}

    public Optional<Erasure> erase(String customerId) {
        Map<String, Object> parameters = Map.of("id", customerId, "erased", ERASED_TEXT);
        return cypher.<Optional<Erasure>>inWrite(tx -> {
                    // first, while the values are still there: what the person was known by stays refused
                    tombstones.bury(tx, customerId);
                    if (!tx.run(ERASE_CUSTOMER, parameters).hasNext()) {
                        return Optional.empty();
                    }
                    outbox.record(tx, new CustomerErased(customerId, events.now()));
                    return Optional.of(new Erasure(
                            customerId,
                            tx.run(ERASE_PROVENANCE, parameters)
                                    .single()
                                    .get("n")
                                    .asLong(),
                            tx.run(ERASE_INTERACTION_TEXT, parameters)
                                    .single()
                                    .get("n")
                                    .asLong(),
                            tx.run(ERASE_TICKET_TEXT, parameters)
                                    .single()
                                    .get("n")
                                    .asLong(),
                            tx.run(ERASE_QUESTIONS, parameters)
                                    .single()
                                    .get("n")
                                    .asLong()));
                })
                .map(erasure -> {
                    // stored replies to retried mutations may show the person (a createCustomer answer)
                    replays.forget(customerId);
                    return erasure;
                });
    }

    private static Object plain(Value value) {
        return plain(value.asObject());
    }

    private static Object plain(Object value) {
        return switch (value) {
            case null -> null;
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.entrySet().stream()
                        .filter(e -> !NOT_EXPORTED.contains(String.valueOf(e.getKey())))
                        .sorted(Map.Entry.comparingByKey(
                                (a, b) -> String.valueOf(a).compareTo(String.valueOf(b))))
                        .forEach(e -> copy.put(String.valueOf(e.getKey()), plain(e.getValue())));
                yield copy;
            }
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                list.forEach(item -> copy.add(plain(item)));
                yield copy;
            }
            case TemporalAccessor time -> time.toString();
            default -> value;
        };
    }
}
