package org.crmgraph.graph.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

class EmbeddedNeo4jIT {

    @TempDir Path dataDir;

    private CrmDataProperties properties() {
        var properties = new CrmDataProperties();
        properties.setDataDir(dataDir);
        properties.getEmbedded().setBoltPort(0);
        properties.getEmbedded().setPageCache("32m");
        properties.getEmbedded().setGds(false);
        return properties;
    }

    @Test
    void committedDataSurvivesARestartOnTheSameDataFolder() {
        try (var neo4j = EmbeddedNeo4j.start(properties());
             var driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            assertThat(neo4j.boltUri().getHost()).isEqualTo("127.0.0.1");
            driver.executableQuery("CREATE (:Customer {id: 'kept', name: 'Kept Across Restarts'})").execute();
        }
        try (var neo4j = EmbeddedNeo4j.start(properties());
             var driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            var names = driver.executableQuery("MATCH (c:Customer {id: 'kept'}) RETURN c.name AS name").execute()
                    .records().stream().map(r -> r.get("name").asString()).toList();
            assertThat(names).containsExactly("Kept Across Restarts");
        }
    }

    @Test
    void gdsIsRegisteredWhenAsked() {
        var properties = properties();
        properties.getEmbedded().setGds(true);
        try (var neo4j = EmbeddedNeo4j.start(properties);
             var driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            String version = driver.executableQuery("CALL gds.version() YIELD gdsVersion RETURN gdsVersion").execute()
                    .records().getFirst().get(0).asString();
            assertThat(version).isEqualTo("2.26.0");
        }
    }
}
