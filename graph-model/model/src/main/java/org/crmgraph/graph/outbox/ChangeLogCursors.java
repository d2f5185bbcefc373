package org.crmgraph.graph.outbox;

import java.util.Map;
import org.crmgraph.graph.cypher.CypherRunner;
import org.neo4j.driver.SimpleQueryRunner;
import org.springframework.stereotype.Component;

/**
 * Where a consumer of the change log stands, as {@code (:ChangeLogCursor {name, position})} in the graph: consumers
 * on several instances share it, and whoever takes it in a transaction holds its lock until that transaction ends, so
 * each event is consumed once, in the transaction that records its effects. The log's purge keeps what a cursor has
 * not passed.
 */
@Component
public class ChangeLogCursors {

    // a new cursor starts at the head: a consumer turned on follows changes from then on
    private static final String TAKE = """
            OPTIONAL MATCH (s:OutboxSequence {name: 'changes'})
            WITH coalesce(s.next, 1) - 1 AS head
            MERGE (c:ChangeLogCursor {name: $name})
              ON CREATE SET c.position = head
            SET c.takenAt = datetime()
            RETURN c.position AS position
            """;
    private static final String BEHIND = """
            OPTIONAL MATCH (s:OutboxSequence {name: 'changes'})
            OPTIONAL MATCH (c:ChangeLogCursor {name: $name})
            RETURN coalesce(s.next, 1) - 1 > coalesce(c.position, -1) AS behind
            """;
    private static final String MOVE = """
            MATCH (c:ChangeLogCursor {name: $name}) SET c.position = $position
            """;

    private final CypherRunner cypher;

    public ChangeLogCursors(CypherRunner cypher) {
        this.cypher = cypher;
    }

    /**
     * Whether the log has events after the cursor {@code name} (or the cursor does not exist yet), read without a lock:
     * a consumer polling an idle log asks this rather than writing.
     */
    public boolean behind(String name) {
        return cypher.read(BEHIND, Map.of("name", name), r -> r.get("behind").asBoolean())
                .getFirst();
    }

    /** Locks the cursor {@code name} (made at the log's head the first time) for the caller's transaction; its position. */
    public long take(SimpleQueryRunner tx, String name) {
        return tx.run(TAKE, Map.of("name", name)).single().get("position").asLong();
    }

    /** Moves the cursor {@code name}, taken in this transaction, to {@code position}. */
    public void move(SimpleQueryRunner tx, String name, long position) {
        tx.run(MOVE, Map.of("name", name, "position", position)).consume();
    }
}
