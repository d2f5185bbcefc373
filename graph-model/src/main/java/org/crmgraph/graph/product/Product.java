package org.crmgraph.graph.product;

import java.time.OffsetDateTime;
import org.crmgraph.graph.cypher.Records;
import org.neo4j.driver.Value;

/** Something sold, identified by its SKU; {@code category} is the name of its {@code Category} node. */
public record Product(String sku, String name, String description, Double price, String category,
                      OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** Map projection that carries the category name along with the product's own properties. */
    static final String PROJECTION = "p{.*, category: [(p)-[:IN_CATEGORY]->(cat:Category) | cat.name][0]}";

    static Product from(Value value) {
        return new Product(value.get("sku").asString(), Records.string(value.get("name")),
                Records.string(value.get("description")), Records.decimal(value.get("price")),
                Records.string(value.get("category")), Records.dateTime(value.get("createdAt")),
                Records.dateTime(value.get("updatedAt")));
    }
}
