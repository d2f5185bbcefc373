package org.crmgraph.importer.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.graph.customer.Customer;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.event.CustomersMerged;
import org.crmgraph.graph.event.DomainEvents;
import org.crmgraph.graph.outbox.Outbox;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.Outcome;
import org.neo4j.driver.SimpleQueryRunner;
import org.springframework.stereotype.Service;

/**
 * Merges two customers by hand, for the duplicates the match rules could not see. Every relationship of
 * the merged customer moves to the survivor, whatever its type (orders, tickets, interactions, source
 * records, segments, and any added later); then each field takes the value of the more recently updated
 * customer, or the other's when that one is empty; then the survivor's source records decide, as after
 * an import (most recently observed non-empty value). A dry run does all of it in a transaction that is
 * rolled back, so it shows exactly what the merge would do.
 */
@Service
public class CustomerMerger {

    private static final String EXISTING = """
            UNWIND $ids AS id
            OPTIONAL MATCH (c:Customer {id: id})
            RETURN id, c IS NOT NULL AS exists, coalesce(c.erased, false) AS erased
            """;
    // each field: the more recently updated customer's value, else the other's (before the merged one goes)
    private static final String FIELDS = """
            MATCH (s:Customer {id: $survivorId}), (m:Customer {id: $mergedId})
            WITH s, m, CASE WHEN coalesce(m.updatedAt, m.createdAt) > coalesce(s.updatedAt, s.createdAt)
                            THEN [m, s] ELSE [s, m] END AS ranked
            WITH s, m, {name: coalesce(ranked[0].name, ranked[1].name),
                        email: coalesce(ranked[0].email, ranked[1].email),
                        phone: coalesce(ranked[0].phone, ranked[1].phone),
                        country: coalesce(ranked[0].country, ranked[1].country),
                        city: coalesce(ranked[0].city, ranked[1].city)} AS fields
            // e-mails are unique: the merged customer, about to go, gives its own up first
            REMOVE m.email
            SET s += fields
            """;
    private static final String READ = "MATCH (c:Customer {id: $id}) RETURN c";
    // every relationship of each merged customer moves to its survivor, whatever its type; by type, how many moved
    private static final String ABSORB_ALL = """
            UNWIND $pairs AS pair
            MATCH (s:Customer {id: pair.survivorId}), (m:Customer {id: pair.mergedId})
            WITH s, m, CASE WHEN m.createdAt < s.createdAt THEN m.createdAt ELSE s.createdAt END AS createdAt
            CALL (s, m) {
              MATCH (m)-[r]->(x) WHERE x <> s
              WITH s, r, x, type(r) AS type, properties(r) AS properties
              MERGE (s)-[moved:$(type)]->(x)
              SET moved += properties
              DELETE r
              RETURN collect(type) AS outgoing
            }
            CALL (s, m) {
              MATCH (m)<-[r]-(x) WHERE x <> s
              WITH s, r, x, type(r) AS type, properties(r) AS properties
              MERGE (x)-[moved:$(type)]->(s)
              SET moved += properties
              DELETE r
              RETURN collect(type) AS incoming
            }
            DETACH DELETE m
            SET s.createdAt = createdAt, s.updatedAt = datetime()
            WITH outgoing + incoming AS types
            UNWIND types AS type
            RETURN type, count(*) AS count ORDER BY type
            """;

    private final CypherRunner cypher;

    private final DomainEvents events;
    private final Outbox outbox;

    public CustomerMerger(CypherRunner cypher, DomainEvents events, Outbox outbox) {
        this.cypher = cypher;
        this.events = events;
        this.outbox = outbox;
    }

    /**
     * @param survivorId the customer that stays
     * @param mergedId   the customer that is merged into it and removed
     */
    public Outcome<CustomerMerge> merge(String survivorId, String mergedId, boolean dryRun) {
        if (survivorId.equals(mergedId)) {
            return Outcome.failure("mergedId", ErrorCode.INVALID_STATE, "a customer cannot be merged with itself");
        }
        Map<String, Boolean> exists = new LinkedHashMap<>();
        Map<String, Boolean> erased = new LinkedHashMap<>();
        cypher.read(EXISTING, Map.of("ids", List.of(survivorId, mergedId)), r -> r)
                .forEach(r -> {
                    exists.put(r.get("id").asString(), r.get("exists").asBoolean());
                    erased.put(r.get("id").asString(), r.get("erased").asBoolean());
                });
        if (!exists.get(survivorId)) {
            return Outcome.failure("survivorId", ErrorCode.NOT_FOUND, "no customer " + survivorId);
        }
        if (!exists.get(mergedId)) {
            return Outcome.failure("mergedId", ErrorCode.NOT_FOUND, "no customer " + mergedId);
        }
        // an erased customer's survivorship would pull the other's personal data onto an erased person, or the
        // reverse; neither may happen
        for (String id : List.of(survivorId, mergedId)) {
            if (erased.get(id)) {
                return Outcome.failure(
                        id.equals(survivorId) ? "survivorId" : "mergedId",
                        ErrorCode.ERASED,
                        "customer " + id + " was erased; it cannot be merged");
            }
        }
        if (dryRun) {
            return Outcome.success(cypher.rehearse(tx -> run(tx, survivorId, mergedId, true)));
        }
        return Outcome.success(cypher.inWrite(tx -> {
            CustomerMerge merge = run(tx, survivorId, mergedId, false);
            outbox.record(tx, new CustomersMerged(survivorId, mergedId, events.now()));
            return merge;
        }));
    }

    /**
     * Merges many customers at once in the caller's transaction, without checks or events: for the matcher, which
     * checked the pairs and records its own events. Each merged customer appears once and is no survivor; fields come
     * from the survivors' source records afterwards (survivorship), which every customer the matcher merges has.
     */
    static void absorbAll(SimpleQueryRunner tx, List<Map<String, Object>> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        tx.run(ABSORB_ALL, Map.of("pairs", pairs)).consume();
        List<Object> survivors =
                pairs.stream().map(p -> p.get("survivorId")).distinct().toList();
        tx.run(IdentityResolver.SURVIVORSHIP, Map.of("ids", survivors)).consume();
    }

    private static CustomerMerge run(SimpleQueryRunner tx, String survivorId, String mergedId, boolean dryRun) {
        Map<String, Long> moved = new LinkedHashMap<>();
        tx.run(FIELDS, Map.of("survivorId", survivorId, "mergedId", mergedId)).consume();
        tx.run(ABSORB_ALL, Map.of("pairs", List.of(Map.of("survivorId", survivorId, "mergedId", mergedId))))
                .forEachRemaining(
                        r -> moved.put(r.get("type").asString(), r.get("count").asLong()));
        tx.run(IdentityResolver.SURVIVORSHIP, Map.of("ids", List.of(survivorId)))
                .consume();
        Customer customer =
                Customer.from(tx.run(READ, Map.of("id", survivorId)).single().get("c"));
        return new CustomerMerge(customer, dryRun, moved);
    }
}
