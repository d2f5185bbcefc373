package org.crmgraph.graph.embedded;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the embedded Neo4j runs ({@code crm.embedded.*}). Used only when {@code spring.neo4j.uri} is not set; with an
 * external Neo4j or cluster, Boot's {@code spring.neo4j.*} settings apply and none of this does. The store lives in
 * {@code crm.data-dir}.
 *
 * @param boltPort  Bolt port on 127.0.0.1 for the service and for Neo4j Browser; 0 picks a free port (tests)
 * @param pageCache page cache of the embedded store, in Neo4j's size syntax (e.g. 256m, 2g)
 * @param gds       register the Graph Data Science procedures in the embedded DBMS
 * @param auth      Bolt (and so Neo4j Browser) needs the user {@code neo4j} and a password, generated at the first
 *                  start into {@code <data-dir>/neo4j-password}, readable by the owner only. Without it anyone with
 *                  a shell on the machine could read the graph past the API's roles.
 * @param settings  more Neo4j settings by their own names, for tuning (e.g.
 *                  {@code crm.embedded.settings.[db.tx_log.rotation.retention_policy]=2 days}); those this service sets
 *                  itself (Bolt's address, authentication, telemetry, file URLs, procedures) cannot be changed here
 */
@ConfigurationProperties(prefix = "crm.embedded")
public record EmbeddedNeo4jProperties(
        @DefaultValue("7687") int boltPort,
        @DefaultValue("256m") String pageCache,
        @DefaultValue("true") boolean gds,
        @DefaultValue("true") boolean auth,
        @DefaultValue Map<String, String> settings) {

    @ConstructorBinding
    public EmbeddedNeo4jProperties {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    public EmbeddedNeo4jProperties(int boltPort, String pageCache, boolean gds, boolean auth) {
        this(boltPort, pageCache, gds, auth, Map.of());
    }

    /** A small store on a free port: what tests and benchmarks start. */
    public static EmbeddedNeo4jProperties forTests(boolean gds, boolean auth) {
        return new EmbeddedNeo4jProperties(0, "32m", gds, auth);
    }

    public EmbeddedNeo4jProperties withBoltPort(int port) {
        return new EmbeddedNeo4jProperties(port, pageCache, gds, auth, settings);
    }
}
