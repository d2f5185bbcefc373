package org.crmgraph.graph.embedded;

import java.nio.file.Path;
import org.crmgraph.graph.cypher.CypherRunner;
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

    public static EmbeddedTestDatabase start(Path dataDir, boolean gds) {
        var properties = new CrmDataProperties();
        properties.setDataDir(dataDir);
        properties.getEmbedded().setBoltPort(0);
        properties.getEmbedded().setPageCache("32m");
        properties.getEmbedded().setGds(gds);
        return new EmbeddedTestDatabase(EmbeddedNeo4j.start(properties));
    }

    public EmbeddedNeo4j neo4j() {
        return neo4j;
    }

    public Driver driver() {
        return driver;
    }

    public CypherRunner cypher() {
        return new CypherRunner(driver, null);
    }

    @Override
    public void close() {
        driver.close();
        neo4j.close();
    }
}
