package org.crmgraph.analytics.purchase;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.cypher.Records;

/**
 * Who bought which products in a time window, as distinct customer–product pairs; the input of similarity,
 * community profiles and the recommendation evaluation. Cancellations are separate {@code Cancellation} nodes,
 * never {@code Order}s, so they do not count as purchases; guest orders have no customer and are left out.
 *
 * @param products  customer id → the skus they bought in the window
 * @param countries customer id → their ISO country code, where known
 */
public record PurchaseHistory(Map<String, Set<String>> products, Map<String, String> countries) {

    private static final String LOAD = """
            MATCH (c:Customer)-[:PLACED]->(o:Order)
            WHERE ($from IS NULL OR o.placedAt >= $from) AND ($before IS NULL OR o.placedAt < $before)
            MATCH (o)-[:CONTAINS]->(p:Product)
            RETURN c.id AS customer, c.country AS country, collect(DISTINCT p.sku) AS skus
            """;

    private static final String NEWEST_ORDER = "MATCH (o:Order) RETURN max(o.placedAt) AS newest";

    /** When the newest order was placed: the "now" of a historical export; null without orders. */
    public static OffsetDateTime newestOrder(CypherRunner cypher) {
        return cypher.read(
                        NEWEST_ORDER,
                        Map.of(),
                        r -> r.get("newest").isNull() ? null : r.get("newest").asOffsetDateTime())
                .getFirst();
    }

    /** Purchases at or after {@code from} and before {@code before}; a null bound is open. */
    public static PurchaseHistory load(CypherRunner cypher, OffsetDateTime from, OffsetDateTime before) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", from);
        parameters.put("before", before);
        Map<String, Set<String>> products = new HashMap<>();
        Map<String, String> countries = new HashMap<>();
        cypher.read(LOAD, parameters, r -> {
            String customer = r.get("customer").asString();
            products.put(customer, new LinkedHashSet<>(r.get("skus").asList(v -> v.asString())));
            String country = Records.string(r.get("country"));
            if (country != null) {
                countries.put(customer, country);
            }
            return customer;
        });
        return new PurchaseHistory(products, countries);
    }

    public Set<String> of(String customer) {
        return products.getOrDefault(customer, Set.of());
    }

    /** Product → the customers who bought it. */
    public Map<String, List<String>> buyers() {
        Map<String, List<String>> buyers = new HashMap<>();
        products.forEach((customer, skus) -> skus.forEach(sku ->
                buyers.computeIfAbsent(sku, k -> new java.util.ArrayList<>()).add(customer)));
        return buyers;
    }

    public Set<String> catalogue() {
        Set<String> all = new HashSet<>();
        products.values().forEach(all::addAll);
        return all;
    }
}
