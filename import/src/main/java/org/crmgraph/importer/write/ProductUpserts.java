package org.crmgraph.importer.write;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.SimpleQueryRunner;

/**
 * Products as seen in an import: created when new; name, description and price follow the most recent
 * observation ({@code priceObservedAt}); the category is replaced when the row gives one. A product this
 * import already wrote with the same values is not written again.
 */
final class ProductUpserts {

    private static final String UPSERT = """
            UNWIND $products AS p
            MERGE (x:Product {sku: p.sku})
              ON CREATE SET x.createdAt = datetime(), x.updatedAt = datetime(), x.name = coalesce(p.name, p.sku)
            WITH x, p
            WHERE x.priceObservedAt IS NULL OR p.observedAt >= x.priceObservedAt
            WITH x, p, x{.name, .description, .price, .currency} AS before
            SET x.name = coalesce(p.name, x.name), x.description = coalesce(p.description, x.description),
                x.price = coalesce(p.price, x.price), x.currency = coalesce(p.currency, x.currency),
                x.priceObservedAt = p.observedAt
            WITH x, before
            WHERE before <> x{.name, .description, .price, .currency}
            SET x.updatedAt = datetime()
            """;
    private static final String CATEGORIES = """
            UNWIND $products AS p
            MATCH (x:Product {sku: p.sku})
            OPTIONAL MATCH (x)-[old:IN_CATEGORY]->(other:Category) WHERE other.name <> p.category
            DELETE old
            MERGE (cat:Category {name: p.category})
            MERGE (x)-[:IN_CATEGORY]->(cat)
            """;

    /** SKU -> hash of the values this import last wrote; bounded by the size of the catalogue. */
    static final class Written {
        private final Map<String, Integer> hashes = new HashMap<>();
    }

    private final Written written;
    private final Map<String, Map<String, Object>> bySku = new LinkedHashMap<>();

    ProductUpserts(Written written) {
        this.written = written;
    }

    /** Adds an observation; of several for one SKU in a batch, the latest wins field by field. */
    void add(
            String sku,
            String name,
            String description,
            Double price,
            String currency,
            String category,
            OffsetDateTime observedAt) {
        var observation = Parameters.of()
                .put("sku", sku)
                .put("name", name)
                .put("description", description)
                .put("price", price)
                .put("currency", currency)
                .put("category", category)
                .put("observedAt", observedAt)
                .map();
        bySku.merge(sku, observation, (old, next) -> {
            boolean newer = !((OffsetDateTime) next.get("observedAt")).isBefore((OffsetDateTime) old.get("observedAt"));
            Map<String, Object> winner = new LinkedHashMap<>(newer ? next : old);
            Map<String, Object> loser = newer ? old : next;
            winner.replaceAll((k, v) -> v != null ? v : loser.get(k));
            return winner;
        });
    }

    void write(SimpleQueryRunner tx) {
        List<Map<String, Object>> changed = new ArrayList<>();
        for (Map<String, Object> product : bySku.values()) {
            if (!Integer.valueOf(hash(product)).equals(written.hashes.get((String) product.get("sku")))) {
                changed.add(product);
            }
        }
        if (!changed.isEmpty()) {
            tx.run(UPSERT, Map.of("products", changed)).consume();
            List<Map<String, Object>> categorised =
                    changed.stream().filter(p -> p.get("category") != null).toList();
            if (!categorised.isEmpty()) {
                tx.run(CATEGORIES, Map.of("products", categorised)).consume();
            }
        }
    }

    /** After the batch committed. */
    void committed() {
        bySku.values().forEach(product -> written.hashes.put((String) product.get("sku"), hash(product)));
    }

    private static int hash(Map<String, Object> product) {
        return Objects.hash(
                product.get("name"),
                product.get("description"),
                product.get("price"),
                product.get("currency"),
                product.get("category"));
    }
}
