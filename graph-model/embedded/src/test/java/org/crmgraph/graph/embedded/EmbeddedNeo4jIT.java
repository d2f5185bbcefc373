package org.crmgraph.graph.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;

class EmbeddedNeo4jIT {

    @TempDir
    Path dataDir;

    @Test
    void committedDataSurvivesARestartOnTheSameDataFolder() {
        try (var database = Started.at(dataDir, false)) {
            assertThat(database.neo4j().boltUri().getHost()).isEqualTo("127.0.0.1");
            database.driver()
                    .executableQuery("CREATE (:Customer {id: 'kept', name: 'Kept Across Restarts'})")
                    .execute();
        }
        try (var database = Started.at(dataDir, false)) {
            var names = database
                    .driver()
                    .executableQuery("MATCH (c:Customer {id: 'kept'}) RETURN c.name AS name")
                    .execute()
                    .records()
                    .stream()
                    .map(r -> r.get("name").asString())
                    .toList();
            assertThat(names).containsExactly("Kept Across Restarts");
        }
    }

    @Test
    void boltNeedsTheGeneratedPasswordWhichOnlyTheOwnerCanReadAndWhichSurvivesARestart() throws Exception {
        String password;
        try (var database = Started.at(dataDir, false)) {
            Path file = database.neo4j().passwordFile();
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            password = Files.readString(file).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(24);
            try (var anonymous = GraphDatabase.driver(database.neo4j().boltUri(), AuthTokens.none())) {
                assertThatThrownBy(() -> anonymous.executableQuery("RETURN 1").execute())
                        .isInstanceOf(AuthenticationException.class);
            }
            try (var guessing = GraphDatabase.driver(database.neo4j().boltUri(), AuthTokens.basic("neo4j", "neo4j"))) {
                assertThatThrownBy(() -> guessing.executableQuery("RETURN 1").execute())
                        .isInstanceOf(AuthenticationException.class);
            }
            assertThat(database.driver()
                            .executableQuery("RETURN 1 AS one")
                            .execute()
                            .records())
                    .hasSize(1);
        }
        try (var database = Started.at(dataDir, false)) {
            assertThat(Files.readString(database.neo4j().passwordFile()).strip())
                    .isEqualTo(password);
            assertThat(database.driver()
                            .executableQuery("RETURN 1 AS one")
                            .execute()
                            .records())
                    .hasSize(1);
        }
    }

    @Test
    void gdsIsRegisteredWhenAsked() {
        try (var database = Started.at(dataDir, true)) {
            String version = database.driver()
                    .executableQuery("CALL gds.version() YIELD gdsVersion RETURN gdsVersion")
                    .execute()
                    .records()
                    .getFirst()
                    .get(0)
                    .asString();
            assertThat(version).isEqualTo("2.26.0");
        }
    }

    @Test
    void theOperatorsOwnSettingsApplyButNeverOverTheServicesOwnAndAnUnknownOneIsNamed() {
        var tuned = new EmbeddedNeo4jProperties(
                0,
                "32m",
                false,
                true,
                Map.of(
                        "dbms.cypher.min_replan_interval", "1h",
                        // the service keeps file URLs off: Browser users could read any file the service can
                        "dbms.security.allow_csv_import_from_file_urls", "true"));
        try (var neo4j = EmbeddedNeo4j.start(dataDir, tuned);
                var driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
            Map<String, String> values = new java.util.HashMap<>();
            driver.executableQuery("CALL dbms.listConfig() YIELD name, value "
                            + "WHERE name IN ['dbms.cypher.min_replan_interval', "
                            + "'dbms.security.allow_csv_import_from_file_urls'] RETURN name, value")
                    .execute()
                    .records()
                    .forEach(r ->
                            values.put(r.get("name").asString(), r.get("value").asString()));
            assertThat(values)
                    .containsEntry("dbms.cypher.min_replan_interval", "1h")
                    .containsEntry("dbms.security.allow_csv_import_from_file_urls", "false");
        }
        var misspelt =
                new EmbeddedNeo4jProperties(0, "32m", false, true, Map.of("dbms.cypher.min_replan_intervall", "1h"));
        assertThatThrownBy(() -> EmbeddedNeo4j.start(dataDir, misspelt))
                .hasMessageContaining("dbms.cypher.min_replan_intervall");
    }

    /** The DBMS and a driver to it: the test harness module builds on this one, so it cannot be used here. */
    private record Started(EmbeddedNeo4j neo4j, Driver driver) implements AutoCloseable {

        static Started at(Path dataDir, boolean gds) {
            EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir, EmbeddedNeo4jProperties.forTests(gds, true));
            return new Started(neo4j, GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken()));
        }

        @Override
        public void close() {
            driver.close();
            neo4j.close();
        }
    }
}
