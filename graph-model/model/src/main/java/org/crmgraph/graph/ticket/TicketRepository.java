package org.crmgraph.graph.ticket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.filter.FilterCatalogue;
import org.crmgraph.graph.filter.Where;
import org.crmgraph.graph.outbox.Outbox;
import org.crmgraph.graph.page.KeysetQuery;
import org.crmgraph.graph.page.Page;
import org.crmgraph.graph.page.PageRequest;
import org.crmgraph.graph.page.SortOrder;
import org.neo4j.driver.SimpleQueryRunner;
import org.springframework.stereotype.Repository;

@Repository
class TicketRepository {

    private static final KeysetQuery LIST =
            new KeysetQuery("MATCH (t:Ticket)", "t", "id", Ticket.RELATED, Ticket.PROJECTION);

    private static final String BY_IDS = """
            UNWIND $ids AS id
            MATCH (t:Ticket {id: id})
            %s
            RETURN %s AS t
            """.formatted(Ticket.RELATED, Ticket.PROJECTION);
    private static final String OF_CUSTOMERS = """
            UNWIND $ids AS id
            MATCH (:Customer {id: id})-[:RAISED]->(t:Ticket)
            WITH id, t ORDER BY t.createdAt DESC
            WITH id, collect(t)[..$limit] AS tickets
            UNWIND range(0, size(tickets) - 1) AS position
            WITH id, position, tickets[position] AS t
            %s
            RETURN id, %s AS t
            ORDER BY id, position
            """.formatted(Ticket.RELATED, Ticket.PROJECTION);
    private static final String RESOLVED_WITH = """
            UNWIND $ids AS id
            MATCH (:Article {id: id})<-[:RESOLVED_BY]-(t:Ticket)
            WITH id, t ORDER BY t.resolvedAt DESC
            WITH id, collect(t)[..$limit] AS tickets
            UNWIND range(0, size(tickets) - 1) AS position
            WITH id, position, tickets[position] AS t
            %s
            RETURN id, %s AS t
            ORDER BY id, position
            """.formatted(Ticket.RELATED, Ticket.PROJECTION);
    private static final String REFERENCES = """
            RETURN EXISTS { MATCH (:Customer {id: $customerId}) } AS customer,
                   EXISTS { MATCH (:Product {sku: $productSku}) } AS product,
                   EXISTS { MATCH (:Article {id: $articleId}) } AS article,
                   head(COLLECT { MATCH (t:Ticket {id: $ticketId}) RETURN t.status }) AS status
            """;
    private static final String OPEN = OpenTicketStatement.text(true);
    private static final String UPDATE = """
            MATCH (t:Ticket {id: $id})
            SET t += $changes, t.updatedAt = datetime()
            WITH t
            CALL (t) {
              WITH t WHERE $productSku IS NOT NULL
              OPTIONAL MATCH (t)-[old:ABOUT]->()
              DELETE old
              WITH DISTINCT t
              MATCH (p:Product {sku: $productSku})
              CREATE (t)-[:ABOUT]->(p)
            }
            WITH t
            %s
            RETURN %s AS t
            """.formatted(Ticket.RELATED, Ticket.PROJECTION);
    private static final String RESOLVE = """
            MATCH (t:Ticket {id: $id})
            SET t.status = 'RESOLVED', t.resolution = $resolution, t.resolvedAt = datetime(), t.updatedAt = datetime()
            WITH t
            CALL (t) {
              MATCH (a:Article {id: $articleId})
              MERGE (t)-[:RESOLVED_BY]->(a)
            }
            WITH t
            %s
            RETURN %s AS t
            """.formatted(Ticket.RELATED, Ticket.PROJECTION);

    /** Which referenced things exist, and the current status of the ticket (null when there is none). */
    record References(boolean customer, boolean product, boolean article, String status) {}

    private final CypherRunner cypher;

    TicketRepository(CypherRunner cypher) {
        this.cypher = cypher;
    }

    CypherRunner cypher() {
        return cypher;
    }

    Map<String, Ticket> findByIds(Collection<String> ids) {
        Map<String, Ticket> found = new LinkedHashMap<>();
        cypher.read(BY_IDS, Map.of("ids", List.copyOf(ids)), r -> Ticket.from(r.get("t")))
                .forEach(ticket -> found.put(ticket.id(), ticket));
        return found;
    }

    Page<Ticket> page(TicketFilter filter, Map<String, ?> where, List<SortOrder> orders, PageRequest request) {
        return LIST.page(cypher, conditions(filter, where), orders, request, Ticket::from);
    }

    /** Tickets matching the filter in groups, by period first when grouped by time, then largest count first. */
    List<org.crmgraph.graph.filter.Group> groups(
            TicketFilter filter,
            Map<String, ?> where,
            List<TicketGrouping> by,
            org.crmgraph.graph.filter.TimeBucket period,
            int limit) {
        KeysetQuery.Conditions conditions = conditions(filter, where);
        List<String> key = new java.util.ArrayList<>();
        by.stream().distinct().forEach(grouping -> key.add(grouping.key() + ": " + grouping.expression()));
        if (period != null) {
            key.add("period: datetime.truncate($unit, t.createdAt)");
        }
        // the key's parts are fixed fragments of TicketGrouping; filter values are parameters
        String query = """
                MATCH (t:Ticket)
                %s
                WITH {%s} AS key
                WITH key, count(*) AS count
                RETURN key, count
                ORDER BY %s count DESC
                LIMIT $limit
                """.formatted(conditions.where(), String.join(", ", key), period != null ? "key.period," : "");
        Map<String, Object> parameters = new java.util.HashMap<>(conditions.parameters());
        parameters.put("unit", period == null ? "day" : period.unit());
        parameters.put("limit", limit);
        return cypher.read(
                query,
                parameters,
                r -> new org.crmgraph.graph.filter.Group(
                        r.get("key").asMap(v -> v.isNull() ? null : v.asObject()),
                        r.get("count").asLong(),
                        Map.of()));
    }

    /** The list's filter as conditions on {@code t}: the same for a page and for an aggregation. */
    static KeysetQuery.Conditions conditions(TicketFilter filter, Map<String, ?> where) {
        var conditions = new KeysetQuery.Conditions()
                .when(filter.status() == null ? null : filter.status().name(), "status", "t.status = $status")
                .when(filter.priority() == null ? null : filter.priority().name(), "priority", "t.priority = $priority")
                .when(filter.channel() == null ? null : filter.channel().name(), "channel", "t.channel = $channel")
                .when(filter.category(), "category", "t.category = $category")
                .when(filter.customerId(), "customerId", "EXISTS { (t)<-[:RAISED]-(:Customer {id: $customerId}) }")
                .when(filter.productSku(), "productSku", "EXISTS { (t)-[:ABOUT]->(:Product {sku: $productSku}) }")
                .when(
                        filter.textContains() == null
                                ? null
                                : filter.textContains().strip().toLowerCase(java.util.Locale.ROOT),
                        "text",
                        "(toLower(t.subject) CONTAINS $text OR toLower(t.body) CONTAINS $text)")
                .when(filter.createdAfter(), "createdAfter", "t.createdAt >= $createdAfter")
                .when(filter.createdBefore(), "createdBefore", "t.createdAt < $createdBefore")
                .when(filter.sentiment(), "sentiment", "t.sentiment = $sentiment");
        conditions.where(Where.compile(FilterCatalogue.TICKET, where, "t", "where"));
        return conditions;
    }

    Map<String, List<Ticket>> ofCustomers(Collection<String> customerIds, int limit) {
        return grouped(OF_CUSTOMERS, customerIds, limit);
    }

    Map<String, List<Ticket>> resolvedWith(Collection<String> articleIds, int limit) {
        return grouped(RESOLVED_WITH, articleIds, limit);
    }

    private Map<String, List<Ticket>> grouped(String query, Collection<String> ids, int limit) {
        Map<String, List<Ticket>> result = new HashMap<>();
        cypher.read(query, Map.of("ids", List.copyOf(ids), "limit", limit), r -> r)
                .forEach(r -> result.computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>())
                        .add(Ticket.from(r.get("t"))));
        return result;
    }

    static References references(
            SimpleQueryRunner tx, String ticketId, String customerId, String productSku, String articleId) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("ticketId", ticketId);
        parameters.put("customerId", customerId);
        parameters.put("productSku", productSku);
        parameters.put("articleId", articleId);
        var r = tx.run(REFERENCES, parameters).single();
        return new References(
                r.get("customer").asBoolean(),
                r.get("product").asBoolean(),
                r.get("article").asBoolean(),
                r.get("status").isNull() ? null : r.get("status").asString());
    }

    /** Opens the ticket and appends its change event in the same statement (the busiest write: no extra round trip). */
    static Ticket open(
            SimpleQueryRunner tx,
            String customerId,
            String productSku,
            Map<String, Object> properties,
            Outbox.Pending event) {
        Map<String, Object> parameters = new HashMap<>(event.parameters());
        parameters.put("customerId", customerId);
        parameters.put("productSku", productSku);
        parameters.put("properties", properties);
        Ticket ticket = Ticket.from(tx.run(OPEN, parameters).single().get("t"));
        event.appended();
        return ticket;
    }

    static Optional<Ticket> update(SimpleQueryRunner tx, String id, Map<String, Object> changes, String productSku) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("changes", changes);
        parameters.put("productSku", productSku);
        return tx.run(UPDATE, parameters).list(r -> Ticket.from(r.get("t"))).stream()
                .findFirst();
    }

    static Ticket resolve(SimpleQueryRunner tx, String id, String resolution, String articleId) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("resolution", resolution);
        parameters.put("articleId", articleId);
        return Ticket.from(tx.run(RESOLVE, parameters).single().get("t"));
    }
}
