package org.crmgraph.analytics.forecast;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.crmgraph.graph.cypher.CypherRunner;
import org.springframework.stereotype.Component;

/**
 * Sales per day from the graph's orders, for one level: units and revenue from the order lines
 * ({@code (:Order)-[:CONTAINS {quantity, unitPrice}]->(:Product)}), orders counted once however many lines they have.
 * Each level's statement starts where an index is (the product's SKU, the category's name, the customers' country), so
 * a product's history is read without scanning every order.
 */
@Component
class SalesHistory {

    private static final String DAILY = """
            %s
            WITH date(o.placedAt) AS day, o, l
            RETURN day, sum(l.quantity) AS units, sum(l.quantity * l.unitPrice) AS revenue, count(DISTINCT o) AS orders
            """;
    private static final Map<ForecastLevel, String> MATCH = Map.of(
            ForecastLevel.TOTAL, "MATCH (o:Order)-[l:CONTAINS]->(:Product)",
            ForecastLevel.COUNTRY, "MATCH (:Customer {country: $key})-[:PLACED]->(o:Order)-[l:CONTAINS]->(:Product)",
            ForecastLevel.CATEGORY, "MATCH (:Category {name: $key})<-[:IN_CATEGORY]-(:Product)<-[l:CONTAINS]-(o:Order)",
            ForecastLevel.PRODUCT, "MATCH (:Product {sku: $key})<-[l:CONTAINS]-(o:Order)");
    private static final Map<ForecastLevel, String> EXISTS = Map.of(
            ForecastLevel.TOTAL, "RETURN true AS known",
            ForecastLevel.COUNTRY, "RETURN EXISTS { MATCH (:Customer {country: $key}) } AS known",
            ForecastLevel.CATEGORY, "RETURN EXISTS { MATCH (:Category {name: $key}) } AS known",
            ForecastLevel.PRODUCT, "RETURN EXISTS { MATCH (:Product {sku: $key}) } AS known");
    private static final String NEWEST = """
            MATCH (o:Order) RETURN date(max(o.placedAt)) AS newest
            """;

    private final CypherRunner cypher;

    SalesHistory(CypherRunner cypher) {
        this.cypher = cypher;
    }

    boolean known(ForecastLevel level, String key) {
        return cypher.read(
                        EXISTS.get(level), parameters(key), r -> r.get("known").asBoolean())
                .getFirst();
    }

    /** The day of the newest order in the graph, if there is one. */
    Optional<LocalDate> newestOrder() {
        var newest = cypher.read(NEWEST, Map.of(), r -> r.get("newest")).getFirst();
        return newest.isNull() ? Optional.empty() : Optional.of(newest.asLocalDate());
    }

    /** The measure per day with sales, oldest first. */
    TreeMap<LocalDate, Double> daily(ForecastLevel level, String key, ForecastMeasure measure) {
        TreeMap<LocalDate, Double> days = new TreeMap<>();
        cypher.read(DAILY.formatted(MATCH.get(level)), parameters(key), r -> r)
                .forEach(r -> days.put(
                        r.get("day").asLocalDate(),
                        switch (measure) {
                            case UNITS -> r.get("units").asDouble();
                            case REVENUE -> r.get("revenue").asDouble();
                            case ORDERS -> r.get("orders").asDouble();
                        }));
        return days;
    }

    private static Map<String, Object> parameters(String key) {
        return key == null ? Map.of() : Map.of("key", key);
    }
}
