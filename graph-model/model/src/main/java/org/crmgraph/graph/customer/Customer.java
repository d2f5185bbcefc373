package org.crmgraph.graph.customer;

import java.time.OffsetDateTime;
import org.crmgraph.graph.cypher.Records;
import org.neo4j.driver.Value;

/**
 * A person or organisation that buys, asks and interacts; {@code country} is an ISO 3166-1 alpha-2 code. Given and
 * family name, street, postcode, region and birth date ({@code yyyy-MM-dd}) come from source records that carry
 * them (survivorship: the most recently observed value).
 */
public record Customer(
        String id,
        String name,
        String email,
        String phone,
        String country,
        String city,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String givenName,
        String familyName,
        String street,
        String postcode,
        String region,
        String birthDate,
        SentimentTrend sentimentTrend) {

    /** A customer without the address fields, as the API creates one. */
    public Customer(
            String id,
            String name,
            String email,
            String phone,
            String country,
            String city,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
        this(id, name, email, phone, country, city, createdAt, updatedAt, null, null, null, null, null, null, null);
    }

    public static Customer from(Value node) {
        return new Customer(
                node.get("id").asString(),
                Records.string(node.get("name")),
                Records.string(node.get("email")),
                Records.string(node.get("phone")),
                Records.string(node.get("country")),
                Records.string(node.get("city")),
                Records.dateTime(node.get("createdAt")),
                Records.dateTime(node.get("updatedAt")),
                Records.string(node.get("givenName")),
                Records.string(node.get("familyName")),
                Records.string(node.get("street")),
                Records.string(node.get("postcode")),
                Records.string(node.get("region")),
                node.get("birthDate").isNull()
                        ? null
                        : node.get("birthDate").asLocalDate().toString(),
                SentimentTrend.of(node));
    }
}
