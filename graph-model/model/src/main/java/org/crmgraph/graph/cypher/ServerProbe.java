package org.crmgraph.graph.cypher;

import java.util.Map;

/** The smallest question that proves the database answers: its edition and version (for health checks). */
public final class ServerProbe {

    private ServerProbe() {}

    public static String describe(CypherRunner cypher) {
        return cypher.read(
                        "CALL dbms.components() YIELD edition, versions RETURN edition + ' ' + versions[0] AS server",
                        Map.of(),
                        r -> r.get("server").asString())
                .getFirst();
    }
}
