package org.crmgraph.graph.testing;

import java.nio.file.Path;
import org.crmgraph.graph.embedded.EmbeddedNeo4j;
import org.crmgraph.graph.embedded.EmbeddedNeo4jProperties;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * A real Neo4j and a driver to it, for module tests without Spring: a small embedded DBMS on a free loopback port, or,
 * in container mode ({@link TestNeo4j}), the container server of this JVM, emptied for each test.
 */
public final class EmbeddedTestDatabase implements AutoCloseable {

    private final EmbeddedNeo4j neo4j;
    private final Driver driver;

    private EmbeddedTestDatabase(EmbeddedNeo4j neo4j, Driver driver) {
        this.neo4j = neo4j;
        this.driver = driver;
    }

    /** A database whose store is {@code dataDir} (embedded), with or without Graph Data Science; Bolt auth on. */
    public static EmbeddedTestDatabase start(Path dataDir, boolean gds) {
        if (TestNeo4j.containers()) {
            var server = TestNeo4j.container();
            Driver driver = GraphDatabase.driver(server.boltUri(), server.authToken());
            emptied(driver);
            return new EmbeddedTestDatabase(null, driver);
        }
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir, EmbeddedNeo4jProperties.forTests(gds, true));
        return new EmbeddedTestDatabase(neo4j, GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken()));
    }

    /** The embedded DBMS; {@code null} in container mode. */
    public EmbeddedNeo4j neo4j() {
        return neo4j;
    }

    public Driver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
        if (neo4j != null) {
            neo4j.close();
        }
    }

    /** No data and no schema left by an earlier test: migrations must find an empty database, as on a new store. */
    private static void emptied(Driver driver) {
        driver.executableQuery("MATCH (n) DETACH DELETE n").execute();
        for (var constraint :
                driver.executableQuery("SHOW CONSTRAINTS YIELD name").execute().records()) {
            driver.executableQuery("DROP CONSTRAINT `" + constraint.get("name").asString() + "`")
                    .execute();
        }
        for (var index : driver.executableQuery("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")
                .execute()
                .records()) {
            driver.executableQuery("DROP INDEX `" + index.get("name").asString() + "`")
                    .execute();
        }
    }
}
