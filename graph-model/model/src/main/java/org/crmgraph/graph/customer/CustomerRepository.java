package org.crmgraph.graph.customer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.filter.FilterCatalogue;
import org.crmgraph.graph.filter.Where;
import org.crmgraph.graph.page.KeysetQuery;
import org.crmgraph.graph.page.Page;
import org.crmgraph.graph.page.PageRequest;
import org.crmgraph.graph.page.SortOrder;
import org.springframework.stereotype.Repository;

@Repository
class CustomerRepository {

    private static final KeysetQuery LIST = new KeysetQuery("MATCH (c:Customer)", "c", "id");

    private static final String BY_IDS = """
            UNWIND $ids AS id
            MATCH (c:Customer {id: id})
            RETURN c
            """;
    static final String CREATE = """
            CREATE (c:Customer)
            SET c = $properties, c.createdAt = datetime(), c.updatedAt = datetime()
            RETURN c
            """;
    // The first SET takes the node's lock, so the erased flag read after it is the committed one: an erasure that
    // committed meanwhile is seen, and an erased customer gets no personal data back.
    private static final String UPDATE = """
            MATCH (c:Customer {id: $id})
            SET c.updatedAt = datetime()
            WITH c
            WHERE coalesce(c.erased, false) = false
            SET c += $changes
            RETURN c
            """;
    // A customer's orders, tickets and interactions are theirs alone and go with them.
    private static final String DELETE = """
            MATCH (c:Customer {id: $id})
            CALL (c) {
              MATCH (c)-[:PLACED|RAISED|HAD]->(owned)
              DETACH DELETE owned
            }
            DETACH DELETE c
            RETURN $id AS id
            """;
    // the provenance key of an import's source record named by an id is source:id:<id> (see the import's Person)
    private static final String BY_SOURCE_ID = """
            MATCH (:SourceRecord {key: $source + ':id:' + $externalId})-[:RESOLVED_TO]->(c:Customer)
            RETURN c LIMIT 1
            """;
    private static final String SOURCE_RECORDS = """
            UNWIND $ids AS id
            MATCH (:Customer {id: id})<-[:RESOLVED_TO]-(sr:SourceRecord)
            WITH id, sr ORDER BY sr.source, sr.externalId, sr.key
            WITH id, collect(sr)[..$limit] AS records
            UNWIND records AS sr
            RETURN id, sr.source AS source, sr.externalId AS externalId, sr.observedAt AS observedAt
            """;
    // the source record gets the key an import would give it, so later imports of that source find the customer
    private static final String LINK_SOURCE = """
            MATCH (c:Customer {id: $id})
            CREATE (sr:SourceRecord {key: $source + ':id:' + $externalId, source: $source, externalId: $externalId,
                                     createdAt: datetime(), observedAt: datetime()})-[:RESOLVED_TO]->(c)
            """;
    private static final String PHONE_OWNERS = """
            MATCH (c:Customer {phone: $phone}) RETURN c.id AS id LIMIT 2
            """;
    private static final String EMAIL_OWNER = """
            MATCH (c:Customer {email: $email}) RETURN c.id AS id
            """;

    private final CypherRunner cypher;

    CustomerRepository(CypherRunner cypher) {
        this.cypher = cypher;
    }

    Map<String, Customer> findByIds(Collection<String> ids) {
        Map<String, Customer> found = new LinkedHashMap<>();
        cypher.read(BY_IDS, Map.of("ids", List.copyOf(ids)), r -> Customer.from(r.get("c")))
                .forEach(customer -> found.put(customer.id(), customer));
        return found;
    }

    Page<Customer> page(CustomerFilter filter, Map<String, ?> where, List<SortOrder> orders, PageRequest request) {
        return LIST.page(cypher, conditions(filter, where), orders, request, Customer::from);
    }

    /** The list's filter as conditions on {@code c}: the same for a page and for an aggregation. */
    static KeysetQuery.Conditions conditions(CustomerFilter filter, Map<String, ?> where) {
        var conditions = new KeysetQuery.Conditions()
                .when(lower(filter.nameContains()), "name", "toLower(c.name) CONTAINS $name")
                .when(lower(filter.emailContains()), "email", "c.email CONTAINS $email")
                .when(filter.country(), "country", "c.country = $country")
                .when(filter.createdAfter(), "createdAfter", "c.createdAt >= $createdAfter")
                .when(filter.createdBefore(), "createdBefore", "c.createdAt < $createdBefore")
                .when(filter.segmentId(), "segmentId", "EXISTS { (c)-[:IN_SEGMENT]->(:Segment {id: $segmentId}) }")
                .when(filter.communityId(), "communityId", "c.communityId = $communityId")
                .when(filter.rfm(), "rfm", "c.rfm = $rfm")
                .when(filter.minMonetary(), "minMonetary", "c.monetary >= $minMonetary")
                .when(filter.minLifetimeValue(), "minLifetimeValue", "c.lifetimeValue >= $minLifetimeValue")
                .when(filter.minChurnRisk(), "minChurnRisk", "c.churnRisk >= $minChurnRisk");
        conditions.where(Where.compile(FilterCatalogue.CUSTOMER, where, "c", "where"));
        return conditions;
    }

    /**
     * Customers matching the filter in groups, by period first when grouped by time, then largest count first, with
     * the sum, minimum, maximum and mean of their value metrics (customers without a metric are left out of its
     * figures, not counted as zero).
     */
    List<org.crmgraph.graph.filter.Group> groups(
            CustomerFilter filter,
            Map<String, ?> where,
            List<CustomerGrouping> by,
            org.crmgraph.graph.filter.TimeBucket period,
            int limit) {
        KeysetQuery.Conditions conditions = conditions(filter, where);
        List<String> key = new java.util.ArrayList<>();
        by.stream().distinct().forEach(grouping -> key.add(grouping.key() + ": " + grouping.expression()));
        if (period != null) {
            key.add("period: datetime.truncate($unit, c.createdAt)");
        }
        // the key's parts are fixed fragments of CustomerGrouping; filter values are parameters
        String query = """
                MATCH (c:Customer)
                %s
                WITH {%s} AS key, c
                WITH key, count(*) AS count,
                     sum(c.monetary) AS monetarySum, min(c.monetary) AS monetaryMin, max(c.monetary) AS monetaryMax,
                     avg(c.monetary) AS monetaryAvg,
                     sum(c.lifetimeValue) AS lifetimeValueSum, min(c.lifetimeValue) AS lifetimeValueMin,
                     max(c.lifetimeValue) AS lifetimeValueMax, avg(c.lifetimeValue) AS lifetimeValueAvg,
                     sum(c.churnRisk) AS churnRiskSum, min(c.churnRisk) AS churnRiskMin,
                     max(c.churnRisk) AS churnRiskMax, avg(c.churnRisk) AS churnRiskAvg
                RETURN *
                ORDER BY %s count DESC
                LIMIT $limit
                """.formatted(conditions.where(), String.join(", ", key), period != null ? "key.period," : "");
        Map<String, Object> parameters = new java.util.HashMap<>(conditions.parameters());
        parameters.put("unit", period == null ? "day" : period.unit());
        parameters.put("limit", limit);
        return cypher.read(query, parameters, r -> {
            Map<String, Double> values = new java.util.HashMap<>();
            for (String metric : List.of("monetary", "lifetimeValue", "churnRisk")) {
                for (String figure : List.of("Sum", "Min", "Max", "Avg")) {
                    var value = r.get(metric + figure);
                    if (!value.isNull()) {
                        values.put(metric + figure, value.asDouble());
                    }
                }
            }
            return new org.crmgraph.graph.filter.Group(
                    r.get("key").asMap(v -> v.isNull() ? null : v.asObject()),
                    r.get("count").asLong(),
                    values);
        });
    }

    Customer create(Map<String, Object> properties) {
        return cypher.write(CREATE, Map.of("properties", properties), r -> Customer.from(r.get("c")))
                .getFirst();
    }

    Optional<Customer> update(String id, Map<String, Object> changes) {
        return cypher.write(UPDATE, Map.of("id", id, "changes", changes), r -> Customer.from(r.get("c"))).stream()
                .findFirst();
    }

    boolean delete(String id) {
        return !cypher.write(DELETE, Map.of("id", id), r -> r.get("id").asString())
                .isEmpty();
    }

    Optional<Customer> bySourceId(String source, String externalId) {
        return cypher.readOptional(
                BY_SOURCE_ID, Map.of("source", source, "externalId", externalId), r -> Customer.from(r.get("c")));
    }

    Map<String, List<SourceRecordRef>> sourceRecords(Collection<String> customerIds, int limit) {
        Map<String, List<SourceRecordRef>> result = new java.util.HashMap<>();
        cypher.read(
                        SOURCE_RECORDS,
                        Map.of("ids", List.copyOf(customerIds), "limit", limit),
                        r -> new SourceRecordRef(
                                r.get("id").asString(),
                                org.crmgraph.graph.cypher.Records.string(r.get("source")),
                                org.crmgraph.graph.cypher.Records.string(r.get("externalId")),
                                org.crmgraph.graph.cypher.Records.dateTime(r.get("observedAt"))))
                .forEach(record -> result.computeIfAbsent(record.customerId(), k -> new java.util.ArrayList<>())
                        .add(record));
        return result;
    }

    static void linkSource(org.neo4j.driver.SimpleQueryRunner tx, String id, String source, String externalId) {
        tx.run(LINK_SOURCE, Map.of("id", id, "source", source, "externalId", externalId))
                .consume();
    }

    List<String> idsOfPhone(String phone) {
        return cypher.read(
                PHONE_OWNERS, Map.of("phone", phone), r -> r.get("id").asString());
    }

    Optional<String> idOfEmail(String email) {
        return cypher.readOptional(
                EMAIL_OWNER, Map.of("email", email), r -> r.get("id").asString());
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
