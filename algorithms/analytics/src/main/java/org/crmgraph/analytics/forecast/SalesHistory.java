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
    // the keys of a level with the most revenue first
    private static final Map<ForecastLevel, String> KEYS =
            Map.of(ForecastLevel.COUNTRY, """
            MATCH (c:Customer)-[:PLACED]->(:Order)-[l:CONTAINS]->(:Product) WHERE c.country IS NOT NULL
            RETURN c.country AS key, sum(l.quantity * l.unitPrice) AS revenue ORDER BY revenue DESC, key LIMIT $limit
            """, ForecastLevel.CATEGORY, """
            MATCH (cat:Category)<-[:IN_CATEGORY]-(:Product)<-[l:CONTAINS]-(:Order)
            RETURN cat.name AS key, sum(l.quantity * l.unitPrice) AS revenue ORDER BY revenue DESC, key LIMIT $limit
            """, ForecastLevel.PRODUCT, """
            MATCH (p:Product)<-[l:CONTAINS]-(:Order)
            RETURN p.sku AS key, sum(l.quantity * l.unitPrice) AS revenue ORDER BY revenue DESC, key LIMIT $limit
            """);
    private static final String NEWEST = """
            MATCH (o:Order) RETURN date(max(o.placedAt)) AS newest, count(o) AS orders
            """;

    /**
     * What a forecast depends on besides its own series, cheap to read: the newest order's day (where forecasts
     * start) and how many orders there are (a new or deleted order changes it).
     */
    record Stamp(Optional<LocalDate> newest, long orders) {}

    private final CypherRunner cypher;

    SalesHistory(CypherRunner cypher) {
        this.cypher = cypher;
    }

    boolean known(ForecastLevel level, String key) {
        return cypher.read(
                        EXISTS.get(level), parameters(key), r -> r.get("known").asBoolean())
                .getFirst();
    }

    /** The day of the newest order in the graph, if there is one, and the number of orders. */
    Stamp stamp() {
        return cypher.read(
                        NEWEST,
                        Map.of(),
                        r -> new Stamp(
                                r.get("newest").isNull()
                                        ? Optional.empty()
                                        : Optional.of(r.get("newest").asLocalDate()),
                                r.get("orders").asLong()))
                .getFirst();
    }

    /** The day of the newest order in the graph, if there is one. */
    Optional<LocalDate> newestOrder() {
        return stamp().newest();
    }

    /** Up to {@code limit} keys of {@code level} (not TOTAL), the largest by revenue first. */
    java.util.List<String> keys(ForecastLevel level, int limit) {
        return cypher.read(
                KEYS.get(level), Map.of("limit", limit), r -> r.get("key").asString());
    }

    /** The measure per day with sales, oldest first. */
    TreeMap<LocalDate, Double> daily(ForecastLevel level, String key, ForecastMeasure measure) {
        return pick(read(level, key), measure);
    }

    /**
     * The same, reusing the last series read when it is of the same level and key and the graph's stamp has not
     * moved: one statement gives every measure, and the refresh forecasts each series for several measures in a row
     * (the statement reads every order line of the series, so at 5 million lines a second read cost as much again).
     */
    TreeMap<LocalDate, Double> daily(ForecastLevel level, String key, ForecastMeasure measure, Stamp stamp) {
        Series cached = last;
        if (cached == null
                || cached.level() != level
                || !java.util.Objects.equals(cached.key(), key)
                || !cached.stamp().equals(stamp)) {
            cached = new Series(level, key, stamp, read(level, key));
            last = cached;
        }
        return pick(cached.days(), measure);
    }

    /** One level and key's days, each with units, revenue and orders. */
    private record Series(ForecastLevel level, String key, Stamp stamp, TreeMap<LocalDate, double[]> days) {}

    private volatile Series last;

    private TreeMap<LocalDate, double[]> read(ForecastLevel level, String key) {
        TreeMap<LocalDate, double[]> days = new TreeMap<>();
        cypher.read(DAILY.formatted(MATCH.get(level)), parameters(key), r -> r)
                .forEach(r -> days.put(r.get("day").asLocalDate(), new double[] {
                    r.get("units").asDouble(),
                    r.get("revenue").asDouble(),
                    r.get("orders").asDouble()
                }));
        return days;
    }

    private static TreeMap<LocalDate, Double> pick(TreeMap<LocalDate, double[]> days, ForecastMeasure measure) {
        int index = switch (measure) {
            case UNITS -> 0;
            case REVENUE -> 1;
            case ORDERS -> 2;
        };
        TreeMap<LocalDate, Double> picked = new TreeMap<>();
        days.forEach((day, values) -> picked.put(day, values[index]));
        return picked;
    }

    private static Map<String, Object> parameters(String key) {
        return key == null ? Map.of() : Map.of("key", key);
    }
}
