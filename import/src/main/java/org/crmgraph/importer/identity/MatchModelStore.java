package org.crmgraph.importer.identity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.importer.identity.matching.Comparison;
import org.crmgraph.importer.identity.matching.ExpectationMaximisation;
import org.crmgraph.importer.identity.matching.MatchModel;
import org.crmgraph.importer.identity.matching.PairComparison;
import org.crmgraph.importer.identity.matching.PersonRecord;
import org.crmgraph.importer.identity.matching.SharedIdentifiers;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

/**
 * The match model in use: {@code (:MatchModel {id: 'current'})} with its parameters flattened (level by level, in
 * {@link Comparison} order), so every instance scores with the same one and analysts can read it in Neo4j Browser.
 * Estimated again from the graph's own candidate pairs after each import; the built-in priors until there are
 * enough of them.
 */
@Repository
public class MatchModelStore {

    private static final String LOAD = """
            MATCH (m:MatchModel {id: 'current'})
            RETURN m.lambda AS lambda, m.m AS m, m.u AS u, m.pairs AS pairs, m.levels AS levels
            """;
    private static final String SAVE = """
            MERGE (m:MatchModel {id: 'current'})
            SET m.lambda = $lambda, m.m = $m, m.u = $u, m.pairs = $pairs, m.levels = $levels,
                m.comparisons = $comparisons, m.fittedAt = datetime()
            """;
    // every pair of records sharing a usable block, once
    private static final String PAIRS = """
            MATCH (b:MatchBlock)
            WHERE NOT b.key IN $shared AND COUNT { (b)<-[:IN_BLOCK]-() } <= $maxBlock
            MATCH (b)<-[:IN_BLOCK]-(x:SourceRecord), (b)<-[:IN_BLOCK]-(y:SourceRecord)
            WHERE x.key < y.key
            WITH DISTINCT x, y LIMIT $max
            RETURN x.key AS a, y.key AS b
            """;
    private static final String SHARED = """
            MATCH (b:MatchBlock) WHERE b.kind IN ['email', 'phone']
            MATCH (b)<-[:IN_BLOCK]-(sr:SourceRecord)
            WITH b, %s AS names
            WHERE names >= $names
            RETURN b.key AS block
            """.formatted(MatchBlocks.DISTINCT_FAMILY_NAMES);

    private final CypherRunner cypher;
    private final MatchingProperties properties;

    public MatchModelStore(CypherRunner cypher, MatchingProperties properties) {
        this.cypher = cypher;
        this.properties = properties;
    }

    /** {@link #current()} read in the caller's transaction. */
    public MatchModel current(org.neo4j.driver.SimpleQueryRunner tx) {
        var rows = tx.run(LOAD, Map.of()).list();
        return rows.isEmpty()
                ? MatchModel.defaults()
                : fromStored(
                                rows.getFirst().get("lambda"),
                                rows.getFirst().get("m"),
                                rows.getFirst().get("u"),
                                rows.getFirst().get("pairs"))
                        .orElseGet(MatchModel::defaults);
    }

    /** The stored model, or the priors when none was estimated yet (or its shape is from another version). */
    public MatchModel current() {
        return cypher.readOptional(
                        LOAD, Map.of(), r -> fromStored(r.get("lambda"), r.get("m"), r.get("u"), r.get("pairs")))
                .flatMap(m -> m)
                .orElseGet(MatchModel::defaults);
    }

    /**
     * After {@code newRecords} were written: estimated again when there is no estimate yet or they are at least a
     * twentieth of the records in blocks (a small import into a large graph does not move the model, and reading
     * every pair for it would cost more than the import); else the model in use.
     */
    public MatchModel afterWriting(long newRecords) {
        var stored = cypher.readOptional(
                "MATCH (m:MatchModel {id: 'current'}) RETURN m.pairs AS pairs",
                Map.of(),
                r -> r.get("pairs").asLong());
        long indexed = cypher.read(
                        "MATCH (sr:SourceRecord) WHERE EXISTS { (sr)-[:IN_BLOCK]->() } RETURN count(sr) AS n",
                        Map.of(),
                        r -> r.get("n").asLong())
                .getFirst();
        if (stored.isEmpty() || stored.get() == 0 || newRecords * 20 >= indexed) {
            return estimate();
        }
        return current();
    }

    /**
     * Estimates the model from the candidate pairs in the graph (starting from the priors) and stores it; with too
     * few pairs, keeps what there is. Returns the model in use afterwards.
     */
    public MatchModel estimate() {
        Set<String> sharedBlocks = new HashSet<>(cypher.read(
                SHARED,
                Map.of("names", properties.sharedIdentifierNames()),
                r -> r.get("block").asString()));
        SharedIdentifiers shared = new SharedIdentifiers(Set.copyOf(sharedBlocks));
        List<String[]> pairs = cypher.read(
                PAIRS,
                Map.of(
                        "shared",
                        List.copyOf(sharedBlocks),
                        "maxBlock",
                        properties.maxBlockSize(),
                        "max",
                        properties.maxPairsToEstimate()),
                r -> new String[] {r.get("a").asString(), r.get("b").asString()});
        if (pairs.size() < properties.minPairsToEstimate()) {
            return current();
        }
        Set<String> keys = new HashSet<>();
        pairs.forEach(pair -> {
            keys.add(pair[0]);
            keys.add(pair[1]);
        });
        Map<String, PersonRecord> records = new java.util.HashMap<>();
        List<String> all = List.copyOf(keys);
        for (int i = 0; i < all.size(); i += 5000) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + 5000));
            records.putAll(cypher.inRead(tx -> MatchBlocks.records(tx, chunk)));
        }
        List<int[]> vectors = new ArrayList<>(pairs.size());
        for (String[] pair : pairs) {
            PersonRecord a = records.get(pair[0]);
            PersonRecord b = records.get(pair[1]);
            if (a != null && b != null) {
                vectors.add(PairComparison.of(a, b, shared).levels());
            }
        }
        MatchModel model = ExpectationMaximisation.fit(vectors, MatchModel.defaults(), 200);
        save(model);
        return model;
    }

    void save(MatchModel model) {
        List<Double> m = new ArrayList<>();
        List<Double> u = new ArrayList<>();
        List<Long> levels = new ArrayList<>();
        List<String> comparisons = new ArrayList<>();
        for (Comparison comparison : Comparison.values()) {
            comparisons.add(comparison.name());
            levels.add((long) comparison.levelCount());
            for (int l = 0; l < comparison.levelCount(); l++) {
                m.add(model.m()[comparison.ordinal()][l]);
                u.add(model.u()[comparison.ordinal()][l]);
            }
        }
        cypher.write(
                SAVE,
                Map.of(
                        "lambda", model.lambda(),
                        "m", m,
                        "u", u,
                        "pairs", model.pairs(),
                        "levels", levels,
                        "comparisons", comparisons));
    }

    private static java.util.Optional<MatchModel> fromStored(Value lambda, Value m, Value u, Value pairs) {
        List<Double> ms = m.asList(Value::asDouble);
        List<Double> us = u.asList(Value::asDouble);
        int expected = 0;
        for (Comparison comparison : Comparison.values()) {
            expected += comparison.levelCount();
        }
        if (ms.size() != expected || us.size() != expected) {
            return java.util.Optional.empty();
        }
        double[][] mm = new double[Comparison.values().length][];
        double[][] uu = new double[Comparison.values().length][];
        int at = 0;
        for (Comparison comparison : Comparison.values()) {
            mm[comparison.ordinal()] = new double[comparison.levelCount()];
            uu[comparison.ordinal()] = new double[comparison.levelCount()];
            for (int l = 0; l < comparison.levelCount(); l++, at++) {
                mm[comparison.ordinal()][l] = ms.get(at);
                uu[comparison.ordinal()][l] = us.get(at);
            }
        }
        return java.util.Optional.of(new MatchModel(lambda.asDouble(), mm, uu, pairs.asLong()));
    }
}
