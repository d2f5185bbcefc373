package org.crmgraph.analytics.purchase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmgraph.graph.cypher.CypherRunner;
import org.springframework.stereotype.Service;

/**
 * Writes {@code (:Customer)-[:BOUGHT]->(:Product)}, one relationship per distinct pair, derived from orders at
 * each refresh. Recommendations read similar customers' purchases through it: twenty neighbours' order lines
 * can run to tens of thousands of rows, their distinct products to a few hundred. Only customers whose set
 * changed are written, each replaced in one transaction; a customer's own purchases are always read live from
 * their orders, so a product bought since the last refresh is never recommended to them.
 */
@Service
public class BoughtWriter {

    private static final int BATCH = 500;

    private static final String CURRENT = """
            MATCH (c:Customer)-[:BOUGHT]->(p:Product)
            RETURN c.id AS customer, collect(p.sku) AS skus
            """;
    private static final String REPLACE = """
            UNWIND $rows AS row
            MATCH (c:Customer {id: row.customer})
            CALL (c) { MATCH (c)-[old:BOUGHT]->(:Product) DELETE old }
            WITH c, row
            UNWIND row.skus AS sku
            MATCH (p:Product {sku: sku})
            CREATE (c)-[:BOUGHT]->(p)
            """;
    private static final String STALE = """
            MATCH (c:Customer)-[old:BOUGHT]->() WHERE NOT EXISTS { (c)-[:PLACED]->(:Order) } DELETE old
            """;

    private final CypherRunner cypher;

    public BoughtWriter(CypherRunner cypher) {
        this.cypher = cypher;
    }

    /** @return customers whose relationships were rewritten */
    public int write(PurchaseHistory history) {
        Map<String, Set<String>> existing = new HashMap<>();
        cypher.read(
                CURRENT,
                Map.of(),
                r -> existing.put(
                        r.get("customer").asString(), Set.copyOf(r.get("skus").asList(v -> v.asString()))));
        List<Map<String, Object>> rows = new ArrayList<>();
        int written = 0;
        for (var entry : history.products().entrySet()) {
            if (entry.getValue().equals(existing.getOrDefault(entry.getKey(), Set.of()))) {
                continue;
            }
            rows.add(Map.of("customer", entry.getKey(), "skus", List.copyOf(entry.getValue())));
            written++;
            if (rows.size() == BATCH) {
                cypher.write(REPLACE, Map.of("rows", List.copyOf(rows)));
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            cypher.write(REPLACE, Map.of("rows", rows));
        }
        cypher.write(STALE, Map.of());
        return written;
    }
}
