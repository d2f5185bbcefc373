package org.crmgraph.analytics.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.analytics.AnalyticsProperties;
import org.crmgraph.analytics.StableIds;
import org.crmgraph.analytics.gds.InMemoryGraph;
import org.crmgraph.graph.cypher.CypherRunner;
import org.springframework.stereotype.Service;

/**
 * RFM segments with GDS k-means: customers with metrics are projected with three features, recency in days,
 * log(1 + frequency) and log(1 + monetary) (logs, because spend and order counts are heavy-tailed and would
 * otherwise put every ordinary customer in one cluster), scaled to standard scores with
 * {@code gds.scaleProperties}, clustered with a fixed seed, then written as {@code (:Segment)} nodes with
 * {@code (:Customer)-[:IN_SEGMENT]->(:Segment)}, replaced as a whole in one transaction.
 * Needs the metrics written first ({@code CustomerMetrics}).
 */
@Service
public class Segmentation {

    private static final String PROJECT = """
            MATCH (c:Customer) WHERE c.rfm IS NOT NULL
            RETURN gds.graph.project($graph, c, null, {sourceNodeLabels: ['Customer'], targetNodeLabels: null, targetNodeProperties: null, sourceNodeProperties: {
                     recency: toFloat(c.recencyDays),
                     frequency: log(1.0 + c.frequency),
                     monetary: log(1.0 + CASE WHEN c.monetary > 0 THEN c.monetary ELSE 0.0 END)}}) AS projection
            """;
    private static final String SCALE = """
            CALL gds.scaleProperties.mutate($graph, {nodeProperties: ['recency', 'frequency', 'monetary'],
                 scaler: 'StdScore', mutateProperty: 'features'})
            YIELD nodePropertiesWritten RETURN nodePropertiesWritten
            """;
    // a seed needs one thread; clustering a few thousand 3-d points takes well under a second anyway
    private static final String CLUSTER = """
            CALL gds.kmeans.stream($graph, {nodeProperty: 'features', k: $k, randomSeed: $seed, concurrency: 1,
                 numberOfRestarts: 5, initialSampler: 'kmeans++'})
            YIELD nodeId, communityId
            WITH gds.util.asNode(nodeId) AS c, communityId
            RETURN c.id AS customer, communityId AS cluster, toFloat(c.recencyDays) AS recency,
                   toFloat(c.frequency) AS frequency, toFloat(c.monetary) AS monetary
            """;
    private static final String REPLACE_SEGMENTS = """
            CALL () { MATCH (s:Segment) DETACH DELETE s }
            UNWIND $segments AS row
            CREATE (:Segment {id: row.id, rank: row.rank, label: row.label, size: row.size, centroidRecencyDays: row.recencyDays,
                              centroidFrequency: row.frequency, centroidMonetary: row.monetary, updatedAt: datetime(),
                              centroid: row.centroid, scaleMean: $scaleMean, scaleSd: $scaleSd})
            """;
    private static final String JOIN_SEGMENTS = """
            UNWIND $members AS m
            MATCH (c:Customer {id: m.customer}), (s:Segment {id: m.segment})
            CREATE (c)-[:IN_SEGMENT]->(s)
            """;

    private record Member(String customer, int cluster, double recency, double frequency, double monetary) {}

    private final CypherRunner cypher;
    private final AnalyticsProperties settings;

    public Segmentation(CypherRunner cypher, AnalyticsProperties settings) {
        this.cypher = cypher;
        this.settings = settings;
    }

    public List<Segment> refresh() {
        List<Member> members = new ArrayList<>();
        long buyers = cypher.read(
                        "MATCH (c:Customer) WHERE c.rfm IS NOT NULL RETURN count(c) AS n",
                        Map.of(),
                        r -> r.get("n").asLong())
                .getFirst();
        if (buyers >= settings.segments()) {
            try (InMemoryGraph graph = InMemoryGraph.project(cypher, "segments", PROJECT, Map.of())) {
                // buyers were counted just before: only a concurrent delete empties the projection
                if (graph.isEmpty()) {
                    return List.of();
                }
                cypher.write(SCALE, graph.parameters(Map.of()));
                cypher.write(
                        CLUSTER,
                        graph.parameters(Map.of("k", settings.segments(), "seed", settings.randomSeed())),
                        r -> members.add(new Member(
                                r.get("customer").asString(),
                                r.get("cluster").asInt(),
                                r.get("recency").asDouble(),
                                r.get("frequency").asDouble(),
                                r.get("monetary").asDouble())));
            }
        }
        List<Described> ranked = describe(members);
        // the ids of the last refresh carry over to the segments most like them
        Map<Integer, java.util.Set<String>> byRank = new HashMap<>();
        Map<Integer, Integer> rankOfCluster = new HashMap<>();
        ranked.forEach(d -> rankOfCluster.put(d.cluster(), d.segment().rank()));
        members.forEach(m -> byRank.computeIfAbsent(rankOfCluster.get(m.cluster()), k -> new java.util.HashSet<>())
                .add(m.customer()));
        Map<Integer, Integer> stable = StableIds.carryOver(cypher, "segment", previousMembers(), byRank);
        List<Described> described = ranked.stream()
                .map(d -> new Described(
                        new Segment(
                                stable.get(d.segment().rank()),
                                d.segment().rank(),
                                d.segment().label(),
                                d.segment().size(),
                                d.segment().recencyDays(),
                                d.segment().frequency(),
                                d.segment().monetary()),
                        d.cluster(),
                        d.centroid()))
                .toList();
        List<Segment> segments = described.stream().map(Described::segment).toList();
        Map<Integer, Integer> idOfCluster = new HashMap<>();
        described.forEach(d -> idOfCluster.put(d.cluster(), d.segment().id()));
        List<Map<String, Object>> memberRows = new ArrayList<>();
        members.forEach(m -> memberRows.add(Map.of("customer", m.customer(), "segment", idOfCluster.get(m.cluster()))));
        Map<Integer, double[]> centroidOf = new HashMap<>();
        described.forEach(d -> centroidOf.put(d.segment().id(), d.centroid()));
        List<Map<String, Object>> segmentRows = segments.stream()
                .map(s -> Map.<String, Object>of(
                        "centroid",
                        centroidOf.get(s.id()),
                        "id",
                        s.id(),
                        "rank",
                        s.rank(),
                        "label",
                        s.label(),
                        "size",
                        s.size(),
                        "recencyDays",
                        s.recencyDays(),
                        "frequency",
                        s.frequency(),
                        "monetary",
                        s.monetary()))
                .toList();
        cypher.inWrite(tx -> {
            double[][] scale = scale(members);
            tx.run(REPLACE_SEGMENTS, Map.of("segments", segmentRows, "scaleMean", scale[0], "scaleSd", scale[1]))
                    .consume();
            return tx.run(JOIN_SEGMENTS, Map.of("members", memberRows)).consume();
        });
        return segments;
    }

    private Map<Integer, java.util.Set<String>> previousMembers() {
        Map<Integer, java.util.Set<String>> previous = new HashMap<>();
        cypher.read(
                "MATCH (c:Customer)-[:IN_SEGMENT]->(s:Segment) RETURN s.id AS id, collect(c.id) AS members",
                Map.of(),
                r -> previous.put(
                        r.get("id").asInt(),
                        new java.util.HashSet<>(r.get("members").asList(v -> v.asString()))));
        return previous;
    }

    /** A segment and the k-means cluster it describes. */
    private record Described(Segment segment, int cluster, double[] centroid) {}

    private static List<Described> describe(List<Member> members) {
        if (members.isEmpty()) {
            return List.of();
        }
        double[][] features = features(members);
        double[] r = features[0];
        double[] f = features[1];
        double[] m = features[2];
        Stats rs = Stats.of(r), fs = Stats.of(f), ms = Stats.of(m);
        Map<Integer, List<Integer>> byCluster = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            byCluster
                    .computeIfAbsent(members.get(i).cluster(), k -> new ArrayList<>())
                    .add(i);
        }
        record Draft(
                int cluster,
                int size,
                double rz,
                double fz,
                double mz,
                double recency,
                double frequency,
                double monetary) {
            double value() {
                return (fz + mz) / 2 - rz / 2;
            }
        }
        List<Draft> drafts = new ArrayList<>();
        byCluster.forEach((cluster, indexes) -> {
            double rz = 0, fz = 0, mz = 0, recency = 0, frequency = 0, monetary = 0;
            for (int i : indexes) {
                rz += rs.z(r[i]);
                fz += fs.z(f[i]);
                mz += ms.z(m[i]);
                recency += members.get(i).recency();
                frequency += members.get(i).frequency();
                monetary += members.get(i).monetary();
            }
            int n = indexes.size();
            drafts.add(new Draft(cluster, n, rz / n, fz / n, mz / n, recency / n, frequency / n, monetary / n));
        });
        drafts.sort(Comparator.comparingDouble(Draft::value).reversed());
        SegmentLabels labels = new SegmentLabels();
        List<Described> segments = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            segments.add(new Described(
                    new Segment(
                            i + 1,
                            i + 1,
                            labels.label(d.rz(), d.fz(), d.mz()),
                            d.size(),
                            round(d.recency()),
                            round(d.frequency()),
                            round(d.monetary())),
                    d.cluster(),
                    new double[] {d.rz(), d.fz(), d.mz()}));
        }
        return segments;
    }

    /**
     * The standard-score scale of the features the segments were clustered on (recency in days, log(1 + frequency),
     * log(1 + monetary)), as means and standard deviations: with a segment's {@code centroid} (its members' mean
     * scaled features) it places a customer whose metrics changed in the nearest segment between refreshes.
     */
    private static double[][] scale(List<Member> members) {
        if (members.isEmpty()) {
            return new double[][] {new double[3], new double[] {1, 1, 1}};
        }
        double[][] features = features(members);
        Stats rs = Stats.of(features[0]), fs = Stats.of(features[1]), ms = Stats.of(features[2]);
        return new double[][] {{rs.mean(), fs.mean(), ms.mean()}, {rs.sd(), fs.sd(), ms.sd()}};
    }

    /**
     * The features segments are made on, from a customer's recency in days, orders and net spend: recency,
     * log(1 + frequency), log(1 + monetary) (logs, because spend and order counts are heavy-tailed), as PROJECT
     * computes them in Cypher.
     */
    public static double[] features(double recencyDays, double frequency, double monetary) {
        return new double[] {recencyDays, Math.log1p(frequency), Math.log1p(Math.max(0, monetary))};
    }

    /** {@link #features} of every member, by feature: [recency[], frequency[], monetary[]]. */
    private static double[][] features(List<Member> members) {
        double[][] byFeature = new double[3][members.size()];
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            double[] x = features(m.recency(), m.frequency(), m.monetary());
            for (int k = 0; k < 3; k++) {
                byFeature[k][i] = x[k];
            }
        }
        return byFeature;
    }

    private record Stats(double mean, double sd) {
        static Stats of(double[] values) {
            double mean = java.util.Arrays.stream(values).average().orElse(0);
            double variance = java.util.Arrays.stream(values)
                    .map(v -> (v - mean) * (v - mean))
                    .average()
                    .orElse(0);
            return new Stats(mean, Math.sqrt(variance) == 0 ? 1 : Math.sqrt(variance));
        }

        double z(double value) {
            return (value - mean) / sd;
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
