package org.crmgraph.importer.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.event.CustomersMerged;
import org.crmgraph.graph.event.DomainEvents;
import org.crmgraph.graph.outbox.Outbox;
import org.crmgraph.importer.identity.matching.FieldEvidence;
import org.crmgraph.importer.identity.matching.MatchModel;
import org.crmgraph.importer.identity.matching.PairComparison;
import org.crmgraph.importer.identity.matching.PersonRecord;
import org.crmgraph.importer.identity.matching.SharedIdentifiers;
import org.neo4j.driver.SimpleQueryRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Probabilistic identity resolution of new or changed source records, after exact keys had their say: each record
 * is compared with the records of its blocks only; a pair at least {@code auto-merge-threshold} likely to be one
 * person is merged (the older customer survives, survivorship as for any merge, each source record keeping the
 * customer it came in as, so {@link CustomerUnmerger} can split them again); a pair at least
 * {@code review-threshold} likely waits as a {@code (:DuplicateCandidate)} with its evidence; pairs a data steward
 * called different never come back. Bulk imports, streaming ingest and created customers all come here.
 */
@Service
public class DuplicateResolution {

    private static final Logger log = LoggerFactory.getLogger(DuplicateResolution.class);
    private static final int INDEX_CHUNK = 500;
    private static final int MATCH_CHUNK = 2500;

    // oldest first, each with the customers a steward (or an unmerge) called different from it
    private static final String CUSTOMERS = """
            UNWIND $ids AS id
            MATCH (c:Customer {id: id})
            RETURN c.id AS id,
                   COLLECT { MATCH (c)<-[:RESOLVED_TO]-(:SourceRecord)-[:NOT_SAME]-(:SourceRecord)-[:RESOLVED_TO]->(o)
                             RETURN DISTINCT o.id } AS different
            ORDER BY c.createdAt, c.id
            """;
    // a pair already waiting keeps its id (and takes the stronger evidence); decided pairs are left alone
    private static final String QUEUE = """
            UNWIND $candidates AS d
            MATCH (a:Customer {id: d.a}), (b:Customer {id: d.b})
            WHERE NOT EXISTS { (a)<-[:RESOLVED_TO]-(:SourceRecord)-[:NOT_SAME]-(:SourceRecord)-[:RESOLVED_TO]->(b) }
            OPTIONAL MATCH (a)<-[:CANDIDATE]-(open:DuplicateCandidate {status: 'OPEN'})-[:CANDIDATE]->(b)
            WITH d, a, b, head(collect(open.id)) AS openId
            MERGE (dc:DuplicateCandidate {id: coalesce(openId, d.id)})
              ON CREATE SET dc.status = 'OPEN', dc.createdAt = datetime()
            WITH d, a, b, dc
            WHERE dc.status = 'OPEN' AND (dc.probability IS NULL OR d.probability >= dc.probability)
            SET dc.probability = d.probability, dc.recordKeys = [d.keyA, d.keyB], dc.evidenceFields = d.fields,
                dc.evidenceLevels = d.levels, dc.evidenceWeights = d.weights, dc.updatedAt = datetime()
            MERGE (dc)-[:CANDIDATE]->(a)
            MERGE (dc)-[:CANDIDATE]->(b)
            RETURN count(*) AS queued
            """;

    /** What a run did. */
    public record Outcome(long records, long pairsCompared, long merged, long queued, long millis) {

        public static final Outcome NONE = new Outcome(0, 0, 0, 0, 0);

        Outcome plus(Outcome other) {
            return new Outcome(
                    records + other.records,
                    pairsCompared + other.pairsCompared,
                    merged + other.merged,
                    queued + other.queued,
                    millis + other.millis);
        }

        Outcome took(long startNanos) {
            return new Outcome(records, pairsCompared, merged, queued, (System.nanoTime() - startNanos) / 1_000_000);
        }
    }

    private record Scored(PersonRecord record, PersonRecord other, PairComparison pair, double probability) {}

    private final CypherRunner cypher;
    private final MatchModelStore models;
    private final MatchingProperties properties;
    private final Outbox outbox;
    private final DomainEvents events;

    public DuplicateResolution(
            CypherRunner cypher,
            MatchModelStore models,
            MatchingProperties properties,
            Outbox outbox,
            DomainEvents events) {
        this.cypher = cypher;
        this.models = models;
        this.properties = properties;
        this.outbox = outbox;
        this.events = events;
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /**
     * Places source records that reached the graph without the online import (a first load through Neo4j's bulk
     * importer) in their matching blocks, a thousand per transaction, as the online import's batches do for theirs.
     */
    public void index(java.util.List<String> keys) {
        if (!properties.enabled()) {
            return;
        }
        for (int from = 0; from < keys.size(); from += 1000) {
            var batch = keys.subList(from, Math.min(keys.size(), from + 1000));
            cypher.inWrite(tx -> {
                MatchBlocks.index(tx, MatchBlocks.records(tx, batch).values());
                return null;
            });
        }
    }

    /**
     * After a bulk import, whose batches placed its records in their blocks: the model is estimated again from all
     * candidate pairs when the import is a large enough part of the graph (the new pairs change what agreement
     * means), then each record is matched.
     */
    public Outcome afterImport(Collection<String> keys) {
        if (!properties.enabled() || keys.isEmpty()) {
            return Outcome.NONE;
        }
        long start = System.nanoTime();
        MatchModel model = models.afterWriting(keys.size());
        long estimated = System.nanoTime();
        Outcome outcome = match(keys, model, true).took(start);
        log.debug(
                "Identity resolution after an import: estimate {} ms, match {} ms",
                (estimated - start) / 1_000_000,
                (System.nanoTime() - estimated) / 1_000_000);
        return outcome;
    }

    /**
     * Every source record in the graph: placed in its blocks, the model estimated, each matched. For a graph whose
     * records were written before probabilistic matching (or before a change of thresholds): the
     * {@code resolve-duplicates} command.
     */
    public Outcome everything() {
        long start = System.nanoTime();
        List<String> keys = cypher.read(
                "MATCH (sr:SourceRecord)-[:RESOLVED_TO]->(:Customer) RETURN sr.key AS key ORDER BY sr.createdAt, key",
                Map.of(),
                r -> r.get("key").asString());
        index(keys);
        return match(keys, models.estimate(), true).took(start);
    }

    /**
     * A few new records that their writer placed in their blocks already (streaming), matched with the model in use
     * in the writer's own transaction: one commit, and the writer sees whom each person became.
     */
    public Outcome resolveIn(SimpleQueryRunner tx, Collection<String> keys) {
        if (!properties.enabled() || keys.isEmpty()) {
            return Outcome.NONE;
        }
        long start = System.nanoTime();
        return matchChunk(
                        tx,
                        List.copyOf(keys),
                        models.current(tx),
                        true,
                        java.util.UUID.randomUUID().toString())
                .took(start);
    }

    /**
     * A customer just created through the API: its likely duplicates wait for review, even the near-certain ones,
     * since the caller holds its id and a merge would take it away.
     */
    public Outcome created(String customerId) {
        if (!properties.enabled()) {
            return Outcome.NONE;
        }
        long start = System.nanoTime();
        List<String> keys = List.of(API_KEY_PREFIX + customerId);
        index(keys);
        return match(keys, models.current(), false).took(start);
    }

    private static final String API_KEY_PREFIX = "api:id:";

    private void index(Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        for (int i = 0; i < all.size(); i += INDEX_CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + INDEX_CHUNK));
            cypher.inWrite(tx -> {
                MatchBlocks.index(tx, MatchBlocks.records(tx, chunk).values());
                return null;
            });
        }
    }

    private Outcome match(Collection<String> keys, MatchModel model, boolean autoMerge) {
        List<String> all = List.copyOf(keys);
        Outcome total = Outcome.NONE;
        String run = java.util.UUID.randomUUID().toString();
        for (int i = 0; i < all.size(); i += MATCH_CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + MATCH_CHUNK));
            total = total.plus(cypher.inWrite(tx -> {
                Outcome outcome = matchChunk(tx, chunk, model, autoMerge, run);
                if (all.size() > chunk.size()) {
                    MatchBlocks.matched(tx, chunk, run);
                }
                return outcome;
            }));
        }
        if (total.merged() + total.queued() > 0) {
            log.info(
                    "Identity resolution: {} records, {} pairs compared, {} customers merged, {} pairs for review",
                    total.records(),
                    total.pairsCompared(),
                    total.merged(),
                    total.queued());
        }
        return total;
    }

    private Outcome matchChunk(
            SimpleQueryRunner tx, List<String> keys, MatchModel model, boolean autoMerge, String run) {
        Map<String, PersonRecord> records = MatchBlocks.records(tx, keys);
        SharedIdentifiers shared = MatchBlocks.shared(tx, keys, properties.sharedIdentifierNames());
        Map<String, List<PersonRecord>> candidates =
                MatchBlocks.candidates(tx, keys, shared, properties.maxBlockSize(), run);
        List<Scored> scored = new ArrayList<>();
        long compared = 0;
        for (PersonRecord record : records.values()) {
            for (PersonRecord other : candidates.getOrDefault(record.key(), List.of())) {
                if (other.customerId().equals(record.customerId())) {
                    continue;
                }
                compared++;
                PairComparison pair = PairComparison.of(record, other, shared);
                double probability = model.probability(pair.levels());
                if (probability >= properties.reviewThreshold()) {
                    scored.add(new Scored(record, other, pair, probability));
                }
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::probability).reversed());
        Clusters clusters = autoMerge ? clusters(tx, scored) : Clusters.NONE;
        List<Map<String, Object>> merges = clusters.merges();
        CustomerMerger.absorbAll(tx, merges);
        outbox.recordAll(
                tx,
                merges.stream()
                        .map(merge -> new CustomersMerged(
                                (String) merge.get("survivorId"), (String) merge.get("mergedId"), events.now()))
                        .toList());
        // one candidate per pair of customers, with the strongest pair of their records (scored is likeliest first)
        Map<String, Map<String, Object>> queue = new java.util.LinkedHashMap<>();
        for (Scored s : scored) {
            if (autoMerge && automatic(s)) {
                continue;
            }
            String a = clusters.survivor(s.record().customerId());
            String b = clusters.survivor(s.other().customerId());
            if (!a.equals(b)) {
                queue.putIfAbsent(a.compareTo(b) < 0 ? a + "\n" + b : b + "\n" + a, candidate(a, b, s, model));
            }
        }
        long queued = queue.isEmpty()
                ? 0
                : tx.run(QUEUE, Map.of("candidates", List.copyOf(queue.values())))
                        .single()
                        .get("queued")
                        .asLong();
        return new Outcome(records.size(), compared, merges.size(), queued, 0);
    }

    /** Merged without review: likely enough, and no outright given-name conflict (twins stay apart). */
    private boolean automatic(Scored s) {
        return s.probability() >= properties.autoMergeThreshold()
                && !(properties.givenNameConflictsToReview() && s.pair().givenNamesConflict());
    }

    /**
     * The customers the pairs above the automatic threshold join, likeliest pair first; two groups are never joined
     * when a customer of one was called different from a customer of the other. Each group's oldest customer
     * survives.
     */
    private Clusters clusters(SimpleQueryRunner tx, List<Scored> scored) {
        List<String> ids = scored.stream()
                .filter(this::automatic)
                .flatMap(s -> java.util.stream.Stream.of(
                        s.record().customerId(), s.other().customerId()))
                .distinct()
                .toList();
        Map<String, Integer> age = new HashMap<>();
        Map<String, java.util.Set<String>> different = new HashMap<>();
        if (!ids.isEmpty()) {
            var rows = tx.run(CUSTOMERS, Map.of("ids", ids)).list();
            for (int i = 0; i < rows.size(); i++) {
                String id = rows.get(i).get("id").asString();
                age.put(id, i);
                different.put(
                        id, new java.util.HashSet<>(rows.get(i).get("different").asList(v -> v.asString())));
            }
        }
        Clusters clusters = new Clusters(age, different);
        for (Scored s : scored) {
            if (automatic(s)) {
                clusters.join(s.record().customerId(), s.other().customerId());
            }
        }
        return clusters;
    }

    /** Union-find over customer ids, each group with its members; the oldest member is the root. */
    private static final class Clusters {

        static final Clusters NONE = new Clusters(Map.of(), Map.of());

        private final Map<String, Integer> age;
        private final Map<String, java.util.Set<String>> different;
        private final Map<String, String> parent = new HashMap<>();
        private final Map<String, List<String>> members = new HashMap<>();

        Clusters(Map<String, Integer> age, Map<String, java.util.Set<String>> different) {
            this.age = age;
            this.different = different;
        }

        String survivor(String id) {
            String at = id;
            while (parent.containsKey(at)) {
                at = parent.get(at);
            }
            return at;
        }

        void join(String a, String b) {
            String ra = survivor(a);
            String rb = survivor(b);
            if (ra.equals(rb) || !age.containsKey(ra) || !age.containsKey(rb)) {
                return;
            }
            List<String> ma = members.getOrDefault(ra, List.of(ra));
            List<String> mb = members.getOrDefault(rb, List.of(rb));
            for (String x : ma) {
                for (String y : mb) {
                    if (different.getOrDefault(x, java.util.Set.of()).contains(y)) {
                        return;
                    }
                }
            }
            String root = age.get(ra) <= age.get(rb) ? ra : rb;
            String child = root.equals(ra) ? rb : ra;
            parent.put(child, root);
            List<String> joined = new ArrayList<>(ma);
            joined.addAll(mb);
            members.remove(child);
            members.put(root, joined);
        }

        /** Every customer that is not its group's survivor, with the survivor it goes into. */
        List<Map<String, Object>> merges() {
            List<Map<String, Object>> merges = new ArrayList<>();
            for (var group : members.entrySet()) {
                for (String member : group.getValue()) {
                    if (!member.equals(group.getKey())) {
                        merges.add(Map.of("survivorId", group.getKey(), "mergedId", member));
                    }
                }
            }
            return merges;
        }
    }

    private static Map<String, Object> candidate(String a, String b, Scored s, MatchModel model) {
        String keyA = s.record().key();
        String keyB = s.other().key();
        List<FieldEvidence> evidence = model.evidence(s.pair());
        Map<String, Object> row = new HashMap<>();
        row.put("id", DuplicateCandidateIds.of(keyA, keyB));
        row.put("a", a);
        row.put("b", b);
        row.put("keyA", keyA.compareTo(keyB) <= 0 ? keyA : keyB);
        row.put("keyB", keyA.compareTo(keyB) <= 0 ? keyB : keyA);
        row.put("probability", s.probability());
        row.put("fields", evidence.stream().map(FieldEvidence::field).toList());
        row.put("levels", evidence.stream().map(FieldEvidence::level).toList());
        row.put("weights", evidence.stream().map(FieldEvidence::weight).toList());
        return row;
    }
}
