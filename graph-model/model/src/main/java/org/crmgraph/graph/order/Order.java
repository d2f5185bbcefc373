package org.crmgraph.graph.order;

import java.time.OffsetDateTime;
import org.crmgraph.graph.cypher.Records;
import org.neo4j.driver.Value;

/**
 * An order a customer placed; {@code total} is the exact sum of its lines at the prices of the day (see
 * {@link org.crmgraph.graph.money}), in {@code currency} (ISO 4217; null for orders stored before currencies were
 * recorded).
 */
public record Order(
        String id,
        String customerId,
        OffsetDateTime placedAt,
        String status,
        String channel,
        Double total,
        String currency) {

    // Related ids come from CALL subqueries, not pattern comprehensions in the projection: Neo4j
    // 2026.08's planner fails on those next to a range filter ("insertCachedProperties").
    static final String RELATED = """
            CALL (o) { OPTIONAL MATCH (o)<-[:PLACED]-(cu:Customer) RETURN cu.id AS customerId LIMIT 1 }""";
    static final String PROJECTION = "o{.*, customerId: customerId}";

    static Order from(Value value) {
        return new Order(
                value.get("id").asString(),
                Records.string(value.get("customerId")),
                Records.dateTime(value.get("placedAt")),
                Records.string(value.get("status")),
                Records.string(value.get("channel")),
                Records.decimal(value.get("total")),
                Records.string(value.get("currency")));
    }
}
