package org.crmgraph.graph.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedNeo4jIT {

    @TempDir Path dataDir;

    @Test
    void committedDataSurvivesARestartOnTheSameDataFolder() {
        try (var database = EmbeddedTestDatabase.start(dataDir, false)) {
            assertThat(database.neo4j().boltUri().getHost()).isEqualTo("127.0.0.1");
            database.driver().executableQuery("CREATE (:Customer {id: 'kept', name: 'Kept Across Restarts'})").execute();
        }
        try (var database = EmbeddedTestDatabase.start(dataDir, false)) {
            var names = database.driver().executableQuery("MATCH (c:Customer {id: 'kept'}) RETURN c.name AS name").execute()
                    .records().stream().map(r -> r.get("name").asString()).toList();
            assertThat(names).containsExactly("Kept Across Restarts");
        }
    }

    @Test
    void gdsIsRegisteredWhenAsked() {
        try (var database = EmbeddedTestDatabase.start(dataDir, true)) {
            String version = database.driver().executableQuery("CALL gds.version() YIELD gdsVersion RETURN gdsVersion").execute()
                    .records().getFirst().get(0).asString();
            assertThat(version).isEqualTo("2.26.0");
        }
    }
}
