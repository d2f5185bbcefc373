package org.crmgraph.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.cypher.CypherScripts;
import org.springframework.core.io.ClassPathResource;

/**
 * Resets the graph to a fixture script (statements separated by semicolons), keeping schema, migration
 * history and API keys (the test admin's key is registered once, at start-up).
 */
public final class GraphFixture {

    private GraphFixture() {}

    public static void reset(CypherRunner cypher, String script) {
        cypher.write("MATCH (n) WHERE NOT n:__CrmMigration AND NOT n:ApiKey DETACH DELETE n", Map.of());
        String text;
        try {
            text = new ClassPathResource(script).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CypherScripts.statements(text).forEach(statement -> cypher.write(statement, Map.of()));
    }

    public static void crm(CypherRunner cypher) {
        reset(cypher, "fixtures/crm.cypher");
    }
}
