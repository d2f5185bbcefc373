package org.crmgraph.graph.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.crmgraph.graph.cypher.ConstraintViolations;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.testing.EmbeddedTestDatabase;
import org.crmgraph.graph.testing.RealNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@RealNeo4j
class SchemaMigrationsIT {

    @TempDir
    Path dataDir;

    @Test
    void appliesEachMigrationOnceAndTheConstraintsHold() {
        try (var database = EmbeddedTestDatabase.start(dataDir, false)) {
            var cypher = CypherRunner.over(database.driver());
            var migrations = new SchemaMigrations(cypher);

            assertThat(migrations.apply())
                    .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
            assertThat(migrations.apply()).isEmpty();
            assertThat(cypher.read(
                            "MATCH (m:__CrmMigration) RETURN m.version AS v",
                            Map.of(),
                            r -> r.get("v").asInt()))
                    .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);

            // only answer sources are in the full-text index: a new ticket does not refresh it in its commit (V19)
            assertThat(cypher.read(
                            "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes RETURN name, labelsOrTypes",
                            Map.of(),
                            r -> r.get("name").asString() + " "
                                    + r.get("labelsOrTypes").asList()))
                    .containsExactlyInAnyOrder("article_text [Article]", "answerable_ticket_text [AnswerableTicket]");

            cypher.write("CREATE (:Customer {id: 'a', email: 'same@example.com'})", Map.of());
            assertThatThrownBy(() -> cypher.write("CREATE (:Customer {id: 'b', email: 'same@example.com'})", Map.of()))
                    .satisfies(e -> assertThat(ConstraintViolations.isUniquenessViolation(e))
                            .isTrue());
        }
    }

    @Test
    void everyMigrationFileIsNamedAndParsed() {
        var discovered = new SchemaMigrations(null).discover();
        assertThat(discovered)
                .extracting(SchemaMigrations.Migration::version)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        assertThat(discovered.getFirst().statements()).hasSizeGreaterThan(20);
        assertThat(discovered)
                .flatExtracting(SchemaMigrations.Migration::statements)
                // idempotent, so that two instances starting together are safe
                .allSatisfy(statement -> assertThat(statement)
                        .matches("(CYPHER 25 )?CREATE[\\s\\S]* IF NOT EXISTS[\\s\\S]*"
                                + "|DROP INDEX \\w+ IF EXISTS|CALL db\\.awaitIndex\\('\\w+', \\d+\\)"
                                // a label given to what an index now covers
                                + "|MATCH \\(t:Ticket\\) WHERE t\\.answerable = true SET t:AnswerableTicket")
                        .doesNotContain("//"));
    }
}
