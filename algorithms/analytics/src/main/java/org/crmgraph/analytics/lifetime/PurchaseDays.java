package org.crmgraph.analytics.lifetime;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.graph.cypher.CypherRunner;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

/** Reads customers' purchase days from the graph, as the repeat-purchase models and their grading need them. */
final class PurchaseDays {

    // one row per customer: its purchase days in order with the day's order value (returns are not purchases)
    private static final String HISTORIES = """
            MATCH (c:Customer)-[:PLACED]->(o:Order)
            WHERE o.placedAt < $until
            WITH c, date(o.placedAt) AS day, sum(coalesce(o.total, 0.0)) AS value
            ORDER BY day
            RETURN c.id AS id, collect(day) AS days, collect(value) AS values
            """;
    private static final String SPENT = """
            MATCH (c:Customer)-[:PLACED]->(o:Order)
            WHERE o.placedAt >= $from AND o.placedAt < $until
            RETURN c.id AS id, sum(coalesce(o.total, 0.0)) AS spent
            """;
    private static final String NEWEST = """
            MATCH (o:Order) RETURN max(o.placedAt) AS newest
            """;

    private final CypherRunner cypher;

    PurchaseDays(CypherRunner cypher) {
        this.cypher = cypher;
    }

    /** The day after the newest order (the end of observation), or null when there are no orders. */
    @Nullable
    LocalDate end() {
        List<@Nullable LocalDate> newest = cypher.read(
                NEWEST,
                Map.of(),
                r -> r.get("newest").isNull()
                        ? null
                        : r.get("newest")
                                .asOffsetDateTime()
                                .atZoneSameInstant(ZoneOffset.UTC)
                                .toLocalDate());
        LocalDate day = newest.isEmpty() ? null : newest.getFirst();
        return day == null ? null : day.plusDays(1);
    }

    /** Every buying customer's purchases before {@code end}, seen from {@code end}. */
    List<RepeatPurchases> before(LocalDate end) {
        return cypher.read(
                HISTORIES,
                Map.of("until", start(end)),
                r -> summary(r.get("id").asString(), r.get("days"), r.get("values"), end));
    }

    /** What each customer spent from {@code from} (inclusive) to {@code until} (exclusive). */
    Map<String, Double> spent(LocalDate from, LocalDate until) {
        Map<String, Double> spent = new HashMap<>();
        cypher.read(
                SPENT,
                Map.of("from", start(from), "until", start(until)),
                r -> spent.put(r.get("id").asString(), r.get("spent").asDouble()));
        return spent;
    }

    static RepeatPurchases summary(String id, Value days, Value values, LocalDate end) {
        return RepeatPurchases.fromDays(id, days.asList(Value::asLocalDate), values.asList(Value::asDouble), end);
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
