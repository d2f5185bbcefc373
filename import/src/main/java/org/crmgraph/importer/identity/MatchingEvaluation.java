package org.crmgraph.importer.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmgraph.graph.cypher.CypherRunner;
import org.springframework.stereotype.Service;

/**
 * Grades identity resolution against the truth of a labelled file already imported: every pair of source records of
 * one source is a true match when their ids name the same entity, a predicted match when they ended up in one
 * customer (the automatic band) or in one customer or linked by an open review candidate (automatic plus review).
 * Pairwise precision, recall and F1, as record-linkage papers and Splink report them.
 */
@Service
public class MatchingEvaluation {

    private static final String RECORDS = """
            MATCH (sr:SourceRecord {source: $source})-[:RESOLVED_TO]->(c:Customer)
            RETURN sr.externalId AS externalId, c.id AS customerId
            """;
    private static final String OPEN_PAIRS = """
            MATCH (a:Customer)<-[:CANDIDATE]-(d:DuplicateCandidate {status: 'OPEN'})-[:CANDIDATE]->(b:Customer)
            WHERE a.id < b.id
            RETURN a.id AS a, b.id AS b
            """;

    /** Pairwise figures of one band. */
    public record Scores(long truePairs, long predictedPairs, long correctPairs) {

        public double precision() {
            return predictedPairs == 0 ? 1 : correctPairs / (double) predictedPairs;
        }

        public double recall() {
            return truePairs == 0 ? 1 : correctPairs / (double) truePairs;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /**
     * @param records       source records graded (those whose id names an entity)
     * @param entities      distinct true entities among them
     * @param automatic     customers as they are: merges only
     * @param withReview    customers joined by open candidates too, as if a steward accepted every one
     * @param reviewQueue   open candidates
     */
    public record Report(
            long records, long entities, long customers, Scores automatic, Scores withReview, long reviewQueue) {}

    private final CypherRunner cypher;

    public MatchingEvaluation(CypherRunner cypher) {
        this.cypher = cypher;
    }

    /**
     * @param entityPattern its first group, found in a record's source id, names the true entity (FEBRL:
     *                      {@code rec-(\d+)-} in {@code rec-12-dup-0})
     */
    public Report grade(String source, Pattern entityPattern) {
        List<String[]> rows = cypher.read(RECORDS, Map.of("source", source), r -> new String[] {
            r.get("externalId").asString(null), r.get("customerId").asString()
        });
        List<String> entities = new ArrayList<>();
        List<String> customers = new ArrayList<>();
        for (String[] row : rows) {
            if (row[0] == null) {
                continue;
            }
            Matcher m = entityPattern.matcher(row[0]);
            if (m.find()) {
                entities.add(m.groupCount() >= 1 ? m.group(1) : m.group());
                customers.add(row[1]);
            }
        }
        Map<String, String> joined = new HashMap<>();
        for (String[] pair : cypher.read(OPEN_PAIRS, Map.of(), r ->
                new String[] {r.get("a").asString(), r.get("b").asString()})) {
            union(joined, pair[0], pair[1]);
        }
        List<String> reviewed = customers.stream().map(c -> find(joined, c)).toList();
        long queue = cypher.read(
                        "MATCH (d:DuplicateCandidate {status: 'OPEN'}) RETURN count(d) AS n",
                        Map.of(),
                        r -> r.get("n").asLong())
                .getFirst();
        return new Report(
                entities.size(),
                entities.stream().distinct().count(),
                customers.stream().distinct().count(),
                scores(entities, customers),
                scores(entities, reviewed),
                queue);
    }

    /** Pairwise counts by grouping, without listing the pairs: n(n-1)/2 per group and per (truth, prediction) cell. */
    static Scores scores(List<String> truth, List<String> predicted) {
        Map<String, Long> byTruth = new HashMap<>();
        Map<String, Long> byPrediction = new HashMap<>();
        Map<String, Long> byBoth = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            byTruth.merge(truth.get(i), 1L, Long::sum);
            byPrediction.merge(predicted.get(i), 1L, Long::sum);
            byBoth.merge(truth.get(i) + "\u0000" + predicted.get(i), 1L, Long::sum);
        }
        return new Scores(pairs(byTruth), pairs(byPrediction), pairs(byBoth));
    }

    private static long pairs(Map<String, Long> groups) {
        long total = 0;
        for (long n : groups.values()) {
            total += n * (n - 1) / 2;
        }
        return total;
    }

    private static String find(Map<String, String> parent, String x) {
        String at = x;
        while (parent.containsKey(at) && !parent.get(at).equals(at)) {
            at = parent.get(at);
        }
        return at;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }
}
