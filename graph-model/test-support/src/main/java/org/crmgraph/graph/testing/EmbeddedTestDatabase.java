package org.crmgraph.graph.testing;

import java.nio.file.Path;
import org.crmgraph.graph.embedded.EmbeddedNeo4j;
import org.crmgraph.graph.embedded.EmbeddedNeo4jProperties;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/** A small embedded DBMS on a free loopback port with a driver to it, for tests without Spring. */
public final class EmbeddedTestDatabase implements AutoCloseable {

    private final EmbeddedNeo4j neo4j;
    private final Driver driver;

    private EmbeddedTestDatabase(EmbeddedNeo4j neo4j) {
        this.neo4j = neo4j;
        this.driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
    }

    /** A DBMS whose store is {@code dataDir}, with or without Graph Data Science; Bolt auth on, as in the service. */
    public static EmbeddedTestDatabase start(Path dataDir, boolean gds) {
        return new EmbeddedTestDatabase(EmbeddedNeo4j.start(dataDir, EmbeddedNeo4jProperties.forTests(gds, true)));
    }

    public EmbeddedNeo4j neo4j() {
        return neo4j;
    }

    public Driver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
        neo4j.close();
    }
}
