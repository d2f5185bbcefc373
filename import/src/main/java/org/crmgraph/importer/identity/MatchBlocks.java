package org.crmgraph.importer.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmgraph.importer.identity.matching.BlockingKeys;
import org.crmgraph.importer.identity.matching.PersonRecord;
import org.crmgraph.importer.identity.matching.SharedIdentifiers;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;

/**
 * Source records in the graph as the matcher sees them: {@code (:SourceRecord)-[:IN_BLOCK]->(:MatchBlock {key})},
 * so the records a new one may duplicate are found through its few blocks, with an index, whatever the graph's
 * size. Blocks are keyed by hashes (no personal value in them) and go when their last record is erased.
 */
final class MatchBlocks {

    /** What a record is compared on; {@code name} stands in when given and family name are not kept apart. */
    static final String VALUES =
            "{.givenName, .familyName, .name, .street, .postcode, .city, .region, .birthDate, .email, .phone}";

    private static final String RECORDS = """
            UNWIND $keys AS key
            MATCH (sr:SourceRecord {key: key})-[:RESOLVED_TO]->(c:Customer)
            RETURN sr.key AS key, c.id AS customerId, sr%s AS values
            """.formatted(VALUES);
    private static final String UNINDEX = """
            UNWIND $keys AS key
            MATCH (:SourceRecord {key: key})-[old:IN_BLOCK]->(:MatchBlock)
            DELETE old
            """;
    // after UNINDEX, and a record's keys are distinct: CREATE, not MERGE, for the relationship
    private static final String INDEX = """
            UNWIND $records AS r
            MATCH (sr:SourceRecord {key: r.key})
            UNWIND r.blocks AS key
            MERGE (b:MatchBlock {key: key})
              ON CREATE SET b.kind = split(key, ':')[0]
            CREATE (sr)-[:IN_BLOCK]->(b)
            """;
    /** Distinct family names (a full name's last word when that is all there is) among a block's records {@code sr}. */
    static final String DISTINCT_FAMILY_NAMES =
            "count(DISTINCT toLower(coalesce(sr.familyName, last(split(sr.name, ' ')))))";

    // per e-mail or phone block of the records asked about
    private static final String SHARED = """
            UNWIND $keys AS key
            MATCH (:SourceRecord {key: key})-[:IN_BLOCK]->(b:MatchBlock)
            WHERE b.kind IN ['email', 'phone']
            WITH DISTINCT b
            MATCH (b)<-[:IN_BLOCK]-(sr:SourceRecord)
            WITH b, %s AS names
            WHERE names >= $names
            RETURN b.key AS block
            """.formatted(DISTINCT_FAMILY_NAMES);
    private static final String CANDIDATES = """
            UNWIND $keys AS key
            MATCH (sr:SourceRecord {key: key})-[:IN_BLOCK]->(b:MatchBlock)
            WHERE NOT b.key IN $shared AND COUNT { (b)<-[:IN_BLOCK]-() } <= $maxBlock
            MATCH (b)<-[:IN_BLOCK]-(other:SourceRecord)
            WHERE other <> sr AND coalesce(other.matchRun, '') <> $run
            WITH DISTINCT key, other
            MATCH (other)-[:RESOLVED_TO]->(c:Customer)
            RETURN key, other.key AS otherKey, c.id AS customerId, other%s AS values
            """.formatted(VALUES);

    private MatchBlocks() {}

    /** The records with these keys, as they are now. */
    static Map<String, PersonRecord> records(SimpleQueryRunner tx, Collection<String> keys) {
        Map<String, PersonRecord> records = new java.util.LinkedHashMap<>();
        tx.run(RECORDS, Map.of("keys", List.copyOf(keys))).forEachRemaining(r -> {
            PersonRecord record = record(r, "key");
            records.put(record.key(), record);
        });
        return records;
    }

    /** (Re)places the records in their blocks. */
    static void index(SimpleQueryRunner tx, Collection<PersonRecord> records) {
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        for (PersonRecord record : records) {
            rows.add(Map.of("key", record.key(), "blocks", BlockingKeys.of(record)));
        }
        tx.run(UNINDEX, Map.of("keys", records.stream().map(PersonRecord::key).toList()))
                .consume();
        tx.run(INDEX, Map.of("records", rows)).consume();
    }

    /** The e-mail and phone blocks of these records that too many people use. */
    static SharedIdentifiers shared(SimpleQueryRunner tx, Collection<String> keys, int names) {
        Set<String> blocks = new HashSet<>();
        tx.run(SHARED, Map.of("keys", List.copyOf(keys), "names", names))
                .forEachRemaining(r -> blocks.add(r.get("block").asString()));
        return blocks.isEmpty() ? SharedIdentifiers.NONE : new SharedIdentifiers(Set.copyOf(blocks));
    }

    private static final String MATCHED = """
            UNWIND $keys AS key
            MATCH (sr:SourceRecord {key: key})
            SET sr.matchRun = $run
            """;

    /**
     * Per record key, the other records that share a usable block with it, each pair once in a run: a record matched
     * earlier in the same run ({@code run}) already compared itself with this one, and of two records of one chunk
     * only the one with the smaller key asks.
     */
    static Map<String, List<PersonRecord>> candidates(
            SimpleQueryRunner tx, Collection<String> keys, SharedIdentifiers shared, int maxBlock, String run) {
        Map<String, List<PersonRecord>> candidates = new java.util.HashMap<>();
        Set<String> chunk = new HashSet<>(keys);
        tx.run(
                        CANDIDATES,
                        Map.of(
                                "keys",
                                List.copyOf(keys),
                                "shared",
                                List.copyOf(shared.blocks()),
                                "maxBlock",
                                maxBlock,
                                "run",
                                run))
                .forEachRemaining(r -> {
                    String key = r.get("key").asString();
                    String other = r.get("otherKey").asString();
                    if (!chunk.contains(other) || key.compareTo(other) < 0) {
                        candidates.computeIfAbsent(key, k -> new ArrayList<>()).add(record(r, "otherKey"));
                    }
                });
        return candidates;
    }

    /** The records of a chunk are done for this run: later chunks do not compare with them again. */
    static void matched(SimpleQueryRunner tx, Collection<String> keys, String run) {
        tx.run(MATCHED, Map.of("keys", List.copyOf(keys), "run", run)).consume();
    }

    private static PersonRecord record(Record r, String keyColumn) {
        return PersonRecord.of(
                r.get(keyColumn).asString(),
                r.get("customerId").asString(),
                r.get("values").asMap());
    }
}
