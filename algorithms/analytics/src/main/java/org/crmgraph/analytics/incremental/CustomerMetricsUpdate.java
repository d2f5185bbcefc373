package org.crmgraph.analytics.incremental;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.crmgraph.analytics.lifetime.LifetimeValueModelInfo;
import org.crmgraph.analytics.lifetime.LifetimeValues;
import org.crmgraph.analytics.lifetime.RepeatPurchases;
import org.crmgraph.analytics.metrics.CustomerMetrics;
import org.crmgraph.analytics.metrics.RfmScale;
import org.crmgraph.analytics.segment.Segmentation;
import org.crmgraph.graph.cypher.Records;
import org.crmgraph.graph.event.CustomerSegmentChanged;
import org.crmgraph.graph.event.DomainEvent;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;

/**
 * Recomputes some customers' metrics as the full refresh does ({@link CustomerMetrics.Row#metrics()}), scores them on
 * the last refresh's boundaries ({@link RfmScale}) and moves each to the segment whose centroid is nearest, in the
 * caller's transaction. Says which customers changed segment. Until the first full refresh there are no boundaries and
 * no segments: the metrics are written without scores.
 */
final class CustomerMetricsUpdate {

    // the reference time is the later of the last refresh's and the customer's last order, so a new order is 0 days
    // old; days are counted as the refresh counts them
    private static final String READ = """
            OPTIONAL MATCH (scale:RfmScale {name: 'rfm'})
            OPTIONAL MATCH (model:LifetimeValueModel {name: $model})
            WITH scale, model
            UNWIND $ids AS id
            MATCH (c:Customer {id: id})
            CALL (c) {
              OPTIONAL MATCH (c)-[:PLACED]->(o:Order)
              RETURN count(o) AS frequency, sum(coalesce(o.total, 0.0)) AS spent, min(o.placedAt) AS first,
                     max(o.placedAt) AS last
            }
            CALL (c) {
              OPTIONAL MATCH (c)-[:CANCELLED]->(x:Cancellation)
              RETURN coalesce(sum(x.total), 0.0) AS cancelled
            }
            CALL (c) {
              OPTIONAL MATCH (c)-[:HAD]->(i:Interaction)
              RETURN count(i) AS interactions, max(i.occurredAt) AS lastInteraction
            }
            CALL (c) { OPTIONAL MATCH (c)-[:IN_SEGMENT]->(s:Segment) RETURN s.id AS segment LIMIT 1 }
            CALL (c) {
              MATCH (c)-[:PLACED]->(o:Order)
              WITH date(o.placedAt) AS day, sum(coalesce(o.total, 0.0)) AS value
              ORDER BY day
              RETURN collect(day) AS days, collect(value) AS dayValues
            }
            WITH c, scale, model, days, dayValues, frequency, spent - cancelled AS monetary, first, last, interactions, lastInteraction, segment,
                 CASE WHEN scale.asOf IS NOT NULL AND scale.asOf > last THEN scale.asOf ELSE last END AS asOf
            RETURN c.id AS id, frequency, monetary, first, last, asOf, interactions, lastInteraction, segment, scale,
                   model, days, dayValues,
                   CASE WHEN last IS NULL THEN 0 ELSE duration.inDays(last, asOf).days END AS recency,
                   CASE WHEN first IS NULL THEN 0 ELSE duration.inDays(first, asOf).days END AS tenure
            """;
    private static final String SEGMENTS = """
            MATCH (s:Segment) WHERE s.centroid IS NOT NULL
            RETURN s.id AS id, s.centroid AS centroid, s.scaleMean AS mean, s.scaleSd AS sd
            """;
    private static final String WRITE = """
            UNWIND $rows AS row
            MATCH (c:Customer {id: row.id})
            SET c += row.metrics
            """;
    private static final String MOVE = """
            UNWIND $moves AS move
            MATCH (c:Customer {id: move.customer}), (s:Segment {id: move.segment})
            CALL (c) { OPTIONAL MATCH (c)-[old:IN_SEGMENT]->() DELETE old }
            CREATE (c)-[:IN_SEGMENT]->(s)
            """;

    /** A segment of the last refresh: its centroid in the scaled features, and that scale. */
    private record Centroid(int id, double[] centroid, double[] mean, double[] sd) {}

    private CustomerMetricsUpdate() {}

    /** Updates {@code customerIds} (unknown ones are skipped); the segment changes, as events to record. */
    static List<DomainEvent> update(
            SimpleQueryRunner tx, Collection<String> customerIds, Instant now, int horizonDays) {
        List<Record> records = tx.run(READ, Map.of("ids", List.copyOf(customerIds), "model", LifetimeValues.MODEL))
                .list();
        List<Centroid> segments = tx.run(SEGMENTS)
                .list(r -> new Centroid(
                        r.get("id").asInt(), doubles(r.get("centroid")), doubles(r.get("mean")), doubles(r.get("sd"))));
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> moves = new ArrayList<>();
        List<DomainEvent> changes = new ArrayList<>();
        for (Record r : records) {
            String id = r.get("id").asString();
            long frequency = r.get("frequency").asLong();
            Map<String, Object> metrics;
            if (frequency > 0) {
                var purchases = new CustomerMetrics.Row(
                        id,
                        Records.dateTime(r.get("asOf")),
                        frequency,
                        r.get("monetary").asDouble(),
                        Records.dateTime(r.get("first")),
                        Records.dateTime(r.get("last")),
                        r.get("recency").asLong(),
                        r.get("tenure").asLong());
                metrics = purchases.metrics(horizonDays);
                predictLifetimeValue(id, r, metrics);
                score(purchases, r.get("scale"), metrics);
                Integer segment = nearest(segments, purchases);
                Integer current =
                        r.get("segment").isNull() ? null : r.get("segment").asInt();
                if (segment != null && !segment.equals(current)) {
                    moves.add(Map.of("customer", id, "segment", segment));
                    changes.add(new CustomerSegmentChanged(
                            id, current == null ? null : current.toString(), segment.toString(), now));
                }
            } else {
                metrics = new java.util.HashMap<>();
            }
            metrics.put("interactionCount", r.get("interactions").asLong());
            metrics.put("lastInteractionAt", Records.dateTime(r.get("lastInteraction")));
            metrics.put("metricsUpdatedAt", now.atOffset(ZoneOffset.UTC));
            rows.add(Map.of("id", id, "metrics", metrics));
        }
        tx.run(WRITE, Map.of("rows", rows)).consume();
        if (!moves.isEmpty()) {
            tx.run(MOVE, Map.of("moves", moves)).consume();
        }
        return changes;
    }

    /**
     * The last refresh's lifetime-value model applied to the customer's purchases now (the parameters stay until the
     * next refresh refits them); without a model the run rate stays.
     */
    private static void predictLifetimeValue(String id, Record r, Map<String, Object> metrics) {
        if (r.get("model").isNull()) {
            return;
        }
        LifetimeValueModelInfo model = LifetimeValueModelInfo.of(r.get("model"));
        List<LocalDate> days = r.get("days").asList(Value::asLocalDate);
        LocalDate afterLast = days.getLast().plusDays(1);
        LocalDate asOf = model.asOf().toLocalDate();
        LocalDate end = afterLast.isAfter(asOf) ? afterLast : asOf;
        var purchases = RepeatPurchases.fromDays(id, days, r.get("dayValues").asList(Value::asDouble), end);
        metrics.putAll(model.predict(purchases).properties(model.kept()));
    }

    private static void score(CustomerMetrics.Row purchases, Value scale, Map<String, Object> metrics) {
        if (scale.isNull() || scale.get("recencyCuts").isNull()) {
            return;
        }
        // recency is ranked on its negation, as the refresh ranks it: fewer days is better
        CustomerMetrics.putScores(
                metrics,
                RfmScale.score(-purchases.recency(), doubles(scale.get("recencyCuts"))),
                RfmScale.score(purchases.frequency(), doubles(scale.get("frequencyCuts"))),
                RfmScale.score(purchases.monetary(), doubles(scale.get("monetaryCuts"))));
    }

    /** The segment whose centroid is nearest in the scaled features the segments were made on; null without any. */
    private static @Nullable Integer nearest(List<Centroid> segments, CustomerMetrics.Row purchases) {
        double[] raw = Segmentation.features(purchases.recency(), purchases.frequency(), purchases.monetary());
        Integer best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Centroid segment : segments) {
            double distance = 0;
            for (int i = 0; i < raw.length; i++) {
                double z = (raw[i] - segment.mean()[i]) / segment.sd()[i];
                distance += (z - segment.centroid()[i]) * (z - segment.centroid()[i]);
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = segment.id();
            }
        }
        return best;
    }

    private static double[] doubles(Value value) {
        return value.asList(Value::asDouble).stream()
                .mapToDouble(Double::doubleValue)
                .toArray();
    }
}
