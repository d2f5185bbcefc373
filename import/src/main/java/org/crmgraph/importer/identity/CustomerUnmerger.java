package org.crmgraph.importer.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.crmgraph.graph.customer.Customer;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.event.CustomerCreated;
import org.crmgraph.graph.event.CustomerUpdated;
import org.crmgraph.graph.event.DomainEvents;
import org.crmgraph.graph.outbox.Outbox;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.Outcome;
import org.springframework.stereotype.Service;

/**
 * Splits a customer back into the people its source records came in as. Every source record remembers the customer
 * it was first resolved to ({@code originId}); each group of records with another origin becomes that customer again
 * (same id), taking the orders, tickets and interactions those records brought ({@code sourceKey} on the
 * relationship). Then each customer's fields are derived again from its own records only, and the split is
 * remembered as a {@code DIFFERENT} decision so the matcher does not merge them back. Records that came in as this
 * customer, and what was created through the API without a source record, stay.
 */
@Service
public class CustomerUnmerger {

    private static final String GROUPS = """
            MATCH (c:Customer {id: $id})
            OPTIONAL MATCH (c)<-[:RESOLVED_TO]-(sr:SourceRecord)
            WITH c, sr ORDER BY sr.createdAt, sr.key
            WITH c, coalesce(sr.originId, c.id) AS origin, collect(sr.key) AS keys
            RETURN coalesce(c.erased, false) AS erased, origin, keys
            """;
    private static final String SPLIT = """
            MATCH (c:Customer {id: $id})
            MERGE (n:Customer {id: $origin})
              ON CREATE SET n.createdAt = datetime(), n.updatedAt = datetime(), n.unmergedFrom = $id
            WITH c, n
            CALL (c, n) {
              UNWIND $keys AS key
              MATCH (sr:SourceRecord {key: key})-[r:RESOLVED_TO]->(c)
              DELETE r
              MERGE (sr)-[:RESOLVED_TO]->(n)
              RETURN count(*) AS records
            }
            CALL (c, n) {
              MATCH (c)-[r:PLACED|RAISED|HAD]->(x) WHERE r.sourceKey IN $keys
              WITH n, r, x, type(r) AS type, properties(r) AS properties
              MERGE (n)-[moved:$(type)]->(x)
              SET moved += properties
              DELETE r
              RETURN count(*) AS moved
            }
            RETURN records, moved
            """;
    // fields come from the customer's own source records again; the survivor first, so it keeps its e-mail
    private static final String FORGET_FIELDS = """
            UNWIND $ids AS id
            MATCH (c:Customer {id: id})
            REMOVE c.name, c.email, c.phone, c.city, c.givenName, c.familyName, c.street, c.postcode, c.region,
                   c.birthDate
            """;
    private static final String REMEMBER_DIFFERENT = """
            MATCH (a:SourceRecord {key: $a}), (b:SourceRecord {key: $b})
            MERGE (a)-[r:NOT_SAME]->(b)
              ON CREATE SET r.decidedBy = $actor, r.decidedAt = datetime(), r.reason = 'UNMERGE'
            """;
    private static final String READ = "UNWIND $ids AS id MATCH (c:Customer {id: id}) RETURN c";

    private record Group(String origin, List<String> keys) {}

    private final CypherRunner cypher;
    private final Outbox outbox;
    private final DomainEvents events;

    public CustomerUnmerger(CypherRunner cypher, Outbox outbox, DomainEvents events) {
        this.cypher = cypher;
        this.outbox = outbox;
        this.events = events;
    }

    /** The customer as it stays, then the customers split from it. */
    public Outcome<List<Customer>> unmerge(String customerId, String actor) {
        return cypher.inWrite(tx -> {
            List<Group> groups = new ArrayList<>();
            boolean exists = false;
            for (var r : tx.run(GROUPS, Map.of("id", customerId)).list()) {
                exists = true;
                if (r.get("erased").asBoolean()) {
                    return Outcome.<List<Customer>>failure(
                            "id", ErrorCode.ERASED, "customer " + customerId + " was erased; it cannot be unmerged");
                }
                List<String> keys = r.get("keys").asList(org.neo4j.driver.Value::asString);
                if (!keys.isEmpty()) {
                    groups.add(new Group(r.get("origin").asString(), keys));
                }
            }
            if (!exists) {
                return Outcome.<List<Customer>>failure("id", ErrorCode.NOT_FOUND, "no customer " + customerId);
            }
            if (groups.size() < 2) {
                return Outcome.<List<Customer>>failure(
                        "id",
                        ErrorCode.INVALID_STATE,
                        "customer " + customerId + " has nothing to unmerge: its source records all came in as one"
                                + " customer");
            }
            // the records that came in as this customer stay; when none did (it absorbed its own origin), the most
            Group stays = groups.stream()
                    .filter(g -> g.origin().equals(customerId))
                    .findFirst()
                    .orElseGet(() -> groups.stream()
                            .max(Comparator.comparingInt(g -> g.keys().size()))
                            .orElseThrow());
            List<String> ids = new ArrayList<>(List.of(customerId));
            for (Group group : groups) {
                if (group == stays) {
                    continue;
                }
                String origin = group.origin().equals(customerId) ? customerId + "-split" : group.origin();
                tx.run(SPLIT, Map.of("id", customerId, "origin", origin, "keys", group.keys()))
                        .consume();
                tx.run(
                                REMEMBER_DIFFERENT,
                                Map.of(
                                        "a",
                                        stays.keys().getFirst(),
                                        "b",
                                        group.keys().getFirst(),
                                        "actor",
                                        actor))
                        .consume();
                ids.add(origin);
                outbox.record(tx, new CustomerCreated(origin, events.now()));
            }
            tx.run(FORGET_FIELDS, Map.of("ids", ids)).consume();
            for (String id : ids) {
                tx.run(IdentityResolver.SURVIVORSHIP, Map.of("ids", List.of(id)))
                        .consume();
            }
            outbox.record(tx, new CustomerUpdated(customerId, List.of("sourceRecords"), events.now()));
            List<Customer> customers = new ArrayList<>();
            tx.run(READ, Map.of("ids", ids)).forEachRemaining(r -> customers.add(Customer.from(r.get("c"))));
            return Outcome.success(List.copyOf(customers));
        });
    }
}
