package org.crmgraph.analytics.incremental;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.analytics.metrics.RfmScale;
import org.crmgraph.graph.cypher.Records;
import org.crmgraph.graph.event.CustomerSegmentChanged;
import org.crmgraph.graph.event.DomainEvent;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;

/**
 * Recomputes some customers' metrics the way the full refresh does ({@code CustomerMetrics}), scores them on the last
 * refresh's boundaries ({@link RfmScale}) and moves each to the segment whose centroid is nearest, in the caller's
 * transaction. Says which customers changed segment. Until the first full refresh there are no boundaries and no
 * segments: the raw metrics are written, no scores.
 */
final class CustomerMetricsUpdate {

    private static final String READ = """
            OPTIONAL MATCH (scale:RfmScale {name: 'rfm'})
            WITH scale
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
            RETURN c.id AS id, frequency, spent - cancelled AS monetary, first, last, interactions, lastInteraction,
                   segment, scale
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

    private record Centroid(int id, double[] centroid, double[] mean, double[] sd) {}

    private CustomerMetricsUpdate() {}

    /** Updates {@code customerIds} (unknown ones are skipped); the segment changes, as events to record. */
    static List<DomainEvent> update(SimpleQueryRunner tx, Collection<String> customerIds, java.time.Instant now) {
        List<Record> records =
                tx.run(READ, Map.of("ids", List.copyOf(customerIds))).list();
        List<Centroid> segments = tx.run(SEGMENTS)
                .list(r -> new Centroid(
                        r.get("id").asInt(), doubles(r.get("centroid")), doubles(r.get("mean")), doubles(r.get("sd"))));
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> moves = new ArrayList<>();
        List<DomainEvent> changes = new ArrayList<>();
        for (Record r : records) {
            Map<String, Object> metrics = new HashMap<>();
            metrics.put("interactionCount", r.get("interactions").asLong());
            metrics.put("lastInteractionAt", Records.dateTime(r.get("lastInteraction")));
            metrics.put("metricsUpdatedAt", now.atOffset(java.time.ZoneOffset.UTC));
            long frequency = r.get("frequency").asLong();
            if (frequency > 0) {
                purchases(r, frequency, metrics);
                Integer segment = nearest(segments, metrics);
                Integer current =
                        r.get("segment").isNull() ? null : r.get("segment").asInt();
                if (segment != null && !segment.equals(current)) {
                    String id = r.get("id").asString();
                    moves.add(Map.of("customer", id, "segment", segment));
                    changes.add(new CustomerSegmentChanged(
                            id, current == null ? null : current.toString(), segment.toString(), now));
                }
            }
            rows.add(Map.of("id", r.get("id").asString(), "metrics", metrics));
        }
        tx.run(WRITE, Map.of("rows", rows)).consume();
        if (!moves.isEmpty()) {
            tx.run(MOVE, Map.of("moves", moves)).consume();
        }
        return changes;
    }

    /** The same metrics as the full refresh, as of the later of its reference time and this customer's last order. */
    private static void purchases(Record r, long frequency, Map<String, Object> metrics) {
        OffsetDateTime first = Records.dateTime(r.get("first"));
        OffsetDateTime last = Records.dateTime(r.get("last"));
        Value scale = r.get("scale");
        OffsetDateTime asOf = last;
        if (!scale.isNull() && !scale.get("asOf").isNull()) {
            OffsetDateTime refreshed = Records.dateTime(scale.get("asOf"));
            asOf = refreshed.isAfter(last) ? refreshed : last;
        }
        long recency = java.time.Duration.between(last, asOf).toDays();
        long tenure = java.time.Duration.between(first, asOf).toDays();
        double monetary = r.get("monetary").asDouble();
        metrics.put("recencyDays", recency);
        metrics.put("frequency", frequency);
        metrics.put("monetary", round(monetary));
        metrics.put("avgOrderValue", round(monetary / frequency));
        metrics.put("firstPurchaseAt", first);
        metrics.put("lastPurchaseAt", last);
        metrics.put("lifetimeValue", round(monetary * 365.0 / Math.max(90, tenure) * 3));
        metrics.put("metricsAsOf", asOf);
        if (!scale.isNull() && !scale.get("recencyCuts").isNull()) {
            int rScore = RfmScale.score(-recency, doubles(scale.get("recencyCuts")));
            int fScore = RfmScale.score(frequency, doubles(scale.get("frequencyCuts")));
            int mScore = RfmScale.score(monetary, doubles(scale.get("monetaryCuts")));
            metrics.put("rScore", rScore);
            metrics.put("fScore", fScore);
            metrics.put("mScore", mScore);
            metrics.put("rfm", "" + rScore + fScore + mScore);
        }
    }

    /** The segment whose centroid is nearest in the scaled features the segments were made on; null without any. */
    private static Integer nearest(List<Centroid> segments, Map<String, Object> metrics) {
        double[] raw = {
            ((Number) metrics.get("recencyDays")).doubleValue(),
            Math.log1p(((Number) metrics.get("frequency")).doubleValue()),
            Math.log1p(Math.max(0, ((Number) metrics.get("monetary")).doubleValue()))
        };
        Integer best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Centroid segment : segments) {
            double distance = 0;
            for (int i = 0; i < 3; i++) {
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

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
