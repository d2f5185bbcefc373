package org.crmgraph.graph.order;

import java.time.OffsetDateTime;
import org.crmgraph.graph.cypher.Records;
import org.neo4j.driver.Value;

/** An order a customer placed; {@code total} is the sum of its lines at the prices of the day. */
public record Order(String id, String customerId, OffsetDateTime placedAt, String status, String channel, Double total) {

    static final String PROJECTION = "o{.*, customerId: [(o)<-[:PLACED]-(cu:Customer) | cu.id][0]}";

    static Order from(Value value) {
        return new Order(value.get("id").asString(), Records.string(value.get("customerId")),
                Records.dateTime(value.get("placedAt")), Records.string(value.get("status")),
                Records.string(value.get("channel")), Records.decimal(value.get("total")));
    }
}
