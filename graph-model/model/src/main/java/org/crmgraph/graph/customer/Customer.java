package org.crmgraph.graph.customer;

import java.time.OffsetDateTime;
import org.crmgraph.graph.cypher.Records;
import org.neo4j.driver.Value;

/** A person or organisation that buys, asks and interacts; {@code country} is an ISO 3166-1 alpha-2 code. */
public record Customer(
        String id,
        String name,
        String email,
        String phone,
        String country,
        String city,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static Customer from(Value node) {
        return new Customer(
                node.get("id").asString(),
                Records.string(node.get("name")),
                Records.string(node.get("email")),
                Records.string(node.get("phone")),
                Records.string(node.get("country")),
                Records.string(node.get("city")),
                Records.dateTime(node.get("createdAt")),
                Records.dateTime(node.get("updatedAt")));
    }
}
