package org.crmgraph.analytics.metrics;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.analytics.lifetime.LifetimeValueProperties;
import org.crmgraph.analytics.lifetime.RunRate;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.cypher.Records;
import org.springframework.stereotype.Service;

/**
 * Value metrics per customer, aggregated in Cypher on the server and written to the customer so analysts
 * see them in Neo4j Browser:
 * <ul>
 *   <li>{@code recencyDays} since the last purchase, {@code frequency} (orders), {@code monetary} (order
 *       totals minus cancelled value), {@code avgOrderValue}, {@code firstPurchaseAt}, {@code lastPurchaseAt};</li>
 *   <li>{@code rScore}, {@code fScore}, {@code mScore}: 1 to 5 by percent rank among buying customers (5 is
 *       the most recent, most frequent, highest spending; equal values get equal scores), and {@code rfm},
 *       the three digits, e.g. "545";</li>
 *   <li>{@code lifetimeValue}: the run rate, spend per day so far (tenure counted as at least 90 days) times the
 *       lifetime-value horizon ({@code crm.analytics.lifetime-value.horizon-days}); where a lifetime-value model
 *       was fitted and beat it, {@code LifetimeValues} replaces it with the model's prediction.</li>
 * </ul>
 * The reference time is the newest order in the graph, so a historical export is analysed as of its own
 * end. Customers without orders lose their metrics; guest orders count for nobody.
 */
@Service
public class CustomerMetrics {

    private static final int WRITE_BATCH = 10_000;

    private static final String AGGREGATE = """
            CALL () { MATCH (o:Order) RETURN coalesce(max(o.placedAt), datetime()) AS asOf }
            MATCH (c:Customer)-[:PLACED]->(o:Order)
            WITH asOf, c, count(o) AS frequency, sum(coalesce(o.total, 0.0)) AS spent,
                 min(o.placedAt) AS first, max(o.placedAt) AS last
            CALL (c) {
              OPTIONAL MATCH (c)-[:CANCELLED]->(x:Cancellation)
              RETURN coalesce(sum(x.total), 0.0) AS cancelled
            }
            RETURN c.id AS id, asOf, frequency, spent - cancelled AS monetary, first, last,
                   duration.inDays(last, asOf).days AS recency,
                   duration.inDays(first, asOf).days AS tenure
            """;
    // a customer updated between refreshes after this refresh read the orders (IncrementalAnalytics) has fresher values
    // than the refresh: they are kept
    private static final String WRITE = """
            UNWIND $rows AS row
            MATCH (c:Customer {id: row.id})
            WHERE c.metricsUpdatedAt IS NULL OR c.metricsUpdatedAt < $readAt
            SET c += row.metrics
            """;
    // those kept: their own (fresher) values are scored on this refresh's boundaries, as the next update would score
    // them
    private static final String UPDATED_SINCE_READ = """
            MATCH (c:Customer)
            WHERE c.metricsUpdatedAt >= $readAt
              AND c.frequency IS NOT NULL AND c.recencyDays IS NOT NULL AND c.monetary IS NOT NULL
            RETURN c.id AS id, c.recencyDays AS recency, c.frequency AS frequency, c.monetary AS monetary
            """;
    private static final String WRITE_SCORES = """
            UNWIND $rows AS row
            MATCH (c:Customer {id: row.id})
            SET c += row.scores
            """;
    // the boundaries of this refresh's scores, for scoring single customers until the next one (IncrementalAnalytics)
    private static final String WRITE_SCALE = """
            MERGE (s:RfmScale {name: 'rfm'})
            SET s.asOf = $asOf, s.recencyCuts = $recency, s.frequencyCuts = $frequency, s.monetaryCuts = $monetary,
                s.customers = $customers, s.updatedAt = datetime()
            """;
    private static final String CLEAR_WITHOUT_ORDERS = """
            MATCH (c:Customer) WHERE c.rfm IS NOT NULL AND NOT EXISTS { (c)-[:PLACED]->(:Order) }
            REMOVE c.recencyDays, c.frequency, c.monetary, c.avgOrderValue, c.firstPurchaseAt, c.lastPurchaseAt,
                   c.rScore, c.fScore, c.mScore, c.rfm, c.lifetimeValue, c.metricsAsOf
            """;

    /**
     * One buying customer's purchases as of a reference time: what the metrics are made of, by the full refresh and
     * between refreshes ({@code IncrementalAnalytics}) alike.
     *
     * @param recency days from the last purchase to {@code asOf}
     * @param tenure  days from the first purchase to {@code asOf}
     */
    public record Row(
            String id,
            OffsetDateTime asOf,
            long frequency,
            double monetary,
            OffsetDateTime first,
            OffsetDateTime last,
            long recency,
            long tenure) {

        /**
         * The metrics written on the customer, without the scores (they rank customers against each other), with the
         * run-rate lifetime value over {@code horizonDays}.
         */
        public Map<String, Object> metrics(int horizonDays) {
            Map<String, Object> metrics = new HashMap<>();
            metrics.put("recencyDays", recency);
            metrics.put("frequency", frequency);
            metrics.put("monetary", round(monetary));
            metrics.put("avgOrderValue", round(monetary / frequency));
            metrics.put("firstPurchaseAt", first);
            metrics.put("lastPurchaseAt", last);
            metrics.put("lifetimeValue", round(RunRate.value(monetary, tenure, horizonDays)));
            metrics.put("metricsAsOf", asOf);
            return metrics;
        }
    }

    /** Puts the R, F and M scores (1 to 5) and their three digits, e.g. "545", into {@code metrics}. */
    public static void putScores(Map<String, Object> metrics, int r, int f, int m) {
        metrics.put("rScore", r);
        metrics.put("fScore", f);
        metrics.put("mScore", m);
        metrics.put("rfm", "" + r + f + m);
    }

    private final CypherRunner cypher;
    private final int horizonDays;

    public CustomerMetrics(CypherRunner cypher, LifetimeValueProperties lifetimeValue) {
        this.cypher = cypher;
        this.horizonDays = lifetimeValue.horizonDays();
    }

    public MetricsRefresh refresh() {
        long started = System.nanoTime();
        OffsetDateTime readAt = OffsetDateTime.now(java.time.ZoneOffset.UTC);
        List<Row> rows = cypher.read(
                AGGREGATE,
                Map.of(),
                r -> new Row(
                        r.get("id").asString(),
                        Records.dateTime(r.get("asOf")),
                        r.get("frequency").asLong(),
                        r.get("monetary").asDouble(),
                        Records.dateTime(r.get("first")),
                        Records.dateTime(r.get("last")),
                        r.get("recency").asLong(),
                        r.get("tenure").asLong()));
        // recency: fewer days is better, so it is ranked on its negation
        double[] recencies = rows.stream().mapToDouble(row -> -row.recency()).toArray();
        double[] frequencies = rows.stream().mapToDouble(Row::frequency).toArray();
        double[] monetaries = rows.stream().mapToDouble(Row::monetary).toArray();
        int[] r = scores(recencies);
        int[] f = scores(frequencies);
        int[] m = scores(monetaries);
        List<Map<String, Object>> updates = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Map<String, Object> metrics = row.metrics(horizonDays);
            putScores(metrics, r[i], f[i], m[i]);
            updates.add(Map.of("id", row.id(), "metrics", metrics));
        }
        cypher.write(CLEAR_WITHOUT_ORDERS, Map.of());
        for (int from = 0; from < updates.size(); from += WRITE_BATCH) {
            cypher.write(
                    WRITE,
                    Map.of(
                            "rows",
                            updates.subList(from, Math.min(updates.size(), from + WRITE_BATCH)),
                            "readAt",
                            readAt));
        }
        OffsetDateTime asOf = rows.isEmpty() ? null : rows.getFirst().asOf();
        if (asOf != null) {
            double[] recencyCuts = RfmScale.cuts(recencies, r);
            double[] frequencyCuts = RfmScale.cuts(frequencies, f);
            double[] monetaryCuts = RfmScale.cuts(monetaries, m);
            Map<String, Object> scale = new HashMap<>();
            scale.put("asOf", asOf);
            scale.put("recency", recencyCuts);
            scale.put("frequency", frequencyCuts);
            scale.put("monetary", monetaryCuts);
            scale.put("customers", rows.size());
            cypher.write(WRITE_SCALE, scale);
            List<Map<String, Object>> rescored = cypher.read(UPDATED_SINCE_READ, Map.of("readAt", readAt), c -> {
                Map<String, Object> scores = new HashMap<>();
                putScores(
                        scores,
                        RfmScale.score(-c.get("recency").asDouble(), recencyCuts),
                        RfmScale.score(c.get("frequency").asDouble(), frequencyCuts),
                        RfmScale.score(c.get("monetary").asDouble(), monetaryCuts));
                return Map.of("id", c.get("id").asString(), "scores", scores);
            });
            if (!rescored.isEmpty()) {
                cypher.write(WRITE_SCORES, Map.of("rows", rescored));
            }
        }
        return new MetricsRefresh(rows.size(), asOf, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * 1 + the percent rank in fifths: {@code 1 + floor(5 * below / (n - 1))}, capped at 5, where {@code below}
     * counts customers with a strictly smaller value; equal values share a score, the lowest gets 1 and the
     * highest 5.
     */
    static int[] scores(double[] values) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            int below = lowerBound(sorted, values[i]);
            scores[i] = n == 1 ? 5 : Math.min(5, 1 + (int) Math.floor(5.0 * below / (n - 1)));
        }
        return scores;
    }

    private static int lowerBound(double[] sorted, double v) {
        int index = Arrays.binarySearch(sorted, v);
        if (index < 0) {
            return -index - 1;
        }
        while (index > 0 && sorted[index - 1] == v) {
            index--;
        }
        return index;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
