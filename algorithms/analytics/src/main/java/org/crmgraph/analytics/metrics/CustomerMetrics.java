package org.crmgraph.analytics.metrics;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 *   <li>{@code lifetimeValue}: spend per year so far (tenure counted as at least 90 days) times
 *       {@value #HORIZON_YEARS} years: a simple estimate, not a model.</li>
 * </ul>
 * The reference time is the newest order in the graph, so a historical export is analysed as of its own
 * end. Customers without orders lose their metrics; guest orders count for nobody.
 */
@Service
public class CustomerMetrics {

    static final int HORIZON_YEARS = 3;
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
    private static final String WRITE = """
            UNWIND $rows AS row
            MATCH (c:Customer {id: row.id})
            SET c += row.metrics
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

    private record Row(
            String id,
            OffsetDateTime asOf,
            long frequency,
            double monetary,
            OffsetDateTime first,
            OffsetDateTime last,
            long recency,
            long tenure) {}

    private final CypherRunner cypher;

    public CustomerMetrics(CypherRunner cypher) {
        this.cypher = cypher;
    }

    public MetricsRefresh refresh() {
        long started = System.nanoTime();
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
            Map<String, Object> metrics = new HashMap<>();
            metrics.put("recencyDays", row.recency());
            metrics.put("frequency", row.frequency());
            metrics.put("monetary", round(row.monetary()));
            metrics.put("avgOrderValue", round(row.monetary() / row.frequency()));
            metrics.put("firstPurchaseAt", row.first());
            metrics.put("lastPurchaseAt", row.last());
            metrics.put("rScore", r[i]);
            metrics.put("fScore", f[i]);
            metrics.put("mScore", m[i]);
            metrics.put("rfm", "" + r[i] + f[i] + m[i]);
            metrics.put("lifetimeValue", round(row.monetary() * 365.0 / Math.max(90, row.tenure()) * HORIZON_YEARS));
            metrics.put("metricsAsOf", row.asOf());
            updates.add(Map.of("id", row.id(), "metrics", metrics));
        }
        cypher.write(CLEAR_WITHOUT_ORDERS, Map.of());
        for (int from = 0; from < updates.size(); from += WRITE_BATCH) {
            cypher.write(WRITE, Map.of("rows", updates.subList(from, Math.min(updates.size(), from + WRITE_BATCH))));
        }
        OffsetDateTime asOf = rows.isEmpty() ? null : rows.getFirst().asOf();
        if (asOf != null) {
            Map<String, Object> scale = new HashMap<>();
            scale.put("asOf", asOf);
            scale.put("recency", RfmScale.cuts(recencies, r));
            scale.put("frequency", RfmScale.cuts(frequencies, f));
            scale.put("monetary", RfmScale.cuts(monetaries, m));
            scale.put("customers", rows.size());
            cypher.write(WRITE_SCALE, scale);
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
