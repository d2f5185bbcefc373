package org.crmgraph.analytics.gds;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.crmgraph.graph.cypher.CypherRunner;

/**
 * A GDS in-memory graph with a unique name, dropped on {@link #close()}: use it in try-with-resources so a
 * failed algorithm never leaves a projection holding memory. The name is unique per projection, so two
 * refreshes (or a refresh and an evaluation) never collide in the graph catalogue.
 * <p>
 * Every GDS call runs in a write session: the catalogue lives in one server's memory, and in a cluster write
 * sessions all go to the same member (the leader), where the projection was made.
 */
public final class InMemoryGraph implements AutoCloseable {

    private static final String DROP = "CALL gds.graph.drop($graph, false) YIELD graphName RETURN graphName";

    private final CypherRunner cypher;
    private final String name;
    private final boolean empty;

    private InMemoryGraph(CypherRunner cypher, String name, boolean empty) {
        this.cypher = cypher;
        this.name = name;
        this.empty = empty;
    }

    /**
     * Projects with a Cypher aggregation: {@code projection} must end in
     * {@code RETURN gds.graph.project($graph, ...) AS projection}; {@code $graph} is bound to the generated name.
     */
    public static InMemoryGraph project(
            CypherRunner cypher, String purpose, String projection, Map<String, Object> parameters) {
        String name = purpose + "-" + UUID.randomUUID();
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("graph", name);
        boolean empty = cypher.write(projection, all, r -> r.get("projection").isNull()).stream()
                .findFirst()
                .orElse(true);
        return new InMemoryGraph(cypher, name, empty);
    }

    /**
     * True when the projection query matched nothing: GDS then creates no graph at all, and algorithms must not be
     * called on it.
     */
    public boolean isEmpty() {
        return empty;
    }

    public String name() {
        return name;
    }

    /** Parameters for a GDS call on this graph: {@code $graph} plus the given ones. */
    public Map<String, Object> parameters(Map<String, Object> more) {
        Map<String, Object> all = new HashMap<>(more);
        all.put("graph", name);
        return all;
    }

    @Override
    public void close() {
        if (!empty) {
            cypher.write(DROP, Map.of("graph", name));
        }
    }
}
