package org.crmgraph.importer.identity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.crmgraph.graph.cypher.Records;
import org.crmgraph.importer.identity.matching.FieldEvidence;
import org.neo4j.driver.Value;

/**
 * Two customers the matcher found likely, but not certainly, one person: what a data steward reviews.
 *
 * @param customerIds the two customers (fewer once they were merged another way)
 * @param recordKeys  the two source records whose comparison proposed the pair
 * @param status      {@code OPEN}, {@code SAME} (merged) or {@code DIFFERENT} (remembered: never proposed again)
 * @param evidence    per field, the comparison level and its match weight
 */
public record DuplicateCandidate(
        String id,
        double probability,
        String status,
        List<String> customerIds,
        List<String> recordKeys,
        List<FieldEvidence> evidence,
        OffsetDateTime createdAt,
        String decidedBy,
        OffsetDateTime decidedAt) {

    /** The projection {@link #from} reads. */
    static final String PROJECTION =
            "d {.*, customerIds: COLLECT { MATCH (d)-[:CANDIDATE]->(c:Customer) RETURN c.id ORDER BY c.id }}";

    static DuplicateCandidate from(Value d) {
        List<String> fields = d.get("evidenceFields").asList(Value::asString, List.of());
        List<String> levels = d.get("evidenceLevels").asList(Value::asString, List.of());
        List<Double> weights = d.get("evidenceWeights").asList(Value::asDouble, List.of());
        List<FieldEvidence> evidence = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size() && i < levels.size() && i < weights.size(); i++) {
            evidence.add(new FieldEvidence(fields.get(i), levels.get(i), weights.get(i)));
        }
        return new DuplicateCandidate(
                d.get("id").asString(),
                d.get("probability").asDouble(0),
                d.get("status").asString("OPEN"),
                d.get("customerIds").asList(Value::asString, List.of()),
                d.get("recordKeys").asList(Value::asString, List.of()),
                List.copyOf(evidence),
                Records.dateTime(d.get("createdAt")),
                Records.string(d.get("decidedBy")),
                Records.dateTime(d.get("decidedAt")));
    }
}
