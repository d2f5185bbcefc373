package org.crmgraph.graph.cypher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CypherScriptsTests {

    @Test
    void aSemicolonInACommentDoesNotSplitAStatement() {
        String script = """
                // waits for this; then goes on
                CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);
                  // indented comment; also skipped
                CALL db.awaitIndex('a', 600);

                """;

        assertThat(CypherScripts.statements(script))
                .containsExactly("CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)", "CALL db.awaitIndex('a', 600)");
    }

    @Test
    void aStatementOverSeveralLinesKeepsItsLines() {
        assertThat(CypherScripts.statements("MATCH (n)\n// why\nRETURN n;")).containsExactly("MATCH (n)\nRETURN n");
    }
}
