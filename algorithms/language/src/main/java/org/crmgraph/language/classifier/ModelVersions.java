package org.crmgraph.language.classifier;

import java.util.Map;
import org.crmgraph.graph.cypher.CypherRunner;

/**
 * Trained models kept as numbered versions in the graph, the newest one current ({@code (:TicketClassifier)},
 * {@code (:SentimentModel)}): every instance serves the version the last training made current.
 */
public final class ModelVersions {

    // the label is one of this module's constants, never input
    private static final String SAVE = """
            OPTIONAL MATCH (m:%1$s)
            WITH coalesce(max(m.version), 0) + 1 AS version
            CREATE (n:%1$s)
            SET n = $properties, n.version = version, n.current = true, n.trainedAt = datetime()
            WITH n
            OPTIONAL MATCH (old:%1$s {current: true}) WHERE old <> n
            SET old.current = false
            RETURN DISTINCT n.version AS version
            """;

    private ModelVersions() {}

    /** Stores a new version with these properties, makes it current and the previous one not; returns its number. */
    public static long saveCurrent(CypherRunner cypher, String label, Map<String, Object> properties) {
        return cypher.write(
                        SAVE.formatted(label),
                        Map.of("properties", properties),
                        r -> r.get("version").asLong())
                .getFirst();
    }
}
