package org.crmgraph.graph.page;

import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.secret.ServiceKeys;

/** Where the cursor key comes from: the configured secret, else the key kept in the graph for every instance. */
public final class CursorKeys {

    private CursorKeys() {}

    public static CursorSeal seal(PagingProperties properties, CypherRunner cypher) {
        if (!properties.cursorSecret().isEmpty()) {
            return CursorSeal.fromSecret(properties.cursorSecret());
        }
        return CursorSeal.withKey(ServiceKeys.key(cypher, "cursor"));
    }
}
