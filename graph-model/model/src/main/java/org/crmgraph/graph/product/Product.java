package org.crmgraph.graph.product;

import java.time.OffsetDateTime;
import org.crmgraph.graph.cypher.Records;
import org.neo4j.driver.Value;

/**
 * Something sold, identified by its SKU; {@code category} is the name of its {@code Category} node.
 *
 * @param price    the list price, stored exactly (see {@link org.crmgraph.graph.money})
 * @param currency ISO 4217 code of the price; null for products stored before currencies were recorded
 */
public record Product(
        String sku,
        String name,
        String description,
        Double price,
        String currency,
        String category,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    // The category name travels with the product; looked up in a CALL subquery (see Order.RELATED).
    public static final String RELATED = """
            CALL (p) { OPTIONAL MATCH (p)-[:IN_CATEGORY]->(cat:Category) RETURN cat.name AS category LIMIT 1 }""";
    public static final String PROJECTION = "p{.*, category: category}";

    public static Product from(Value value) {
        return new Product(
                value.get("sku").asString(),
                Records.string(value.get("name")),
                Records.string(value.get("description")),
                Records.decimal(value.get("price")),
                Records.string(value.get("currency")),
                Records.string(value.get("category")),
                Records.dateTime(value.get("createdAt")),
                Records.dateTime(value.get("updatedAt")));
    }
}
