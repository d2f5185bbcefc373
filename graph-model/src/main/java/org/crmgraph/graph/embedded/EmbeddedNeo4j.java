package org.crmgraph.graph.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.server.configuration.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j DBMS inside this JVM, reachable only on 127.0.0.1 over Bolt (and Bolt over WebSocket,
 * which Neo4j Browser uses). The service talks to it through the ordinary driver, exactly as it
 * would to an external server, so nothing else in the code knows it is embedded.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final DatabaseManagementService dbms;
    private final URI boltUri;
    private final Path home;

    private EmbeddedNeo4j(DatabaseManagementService dbms, URI boltUri, Path home) {
        this.dbms = dbms;
        this.boltUri = boltUri;
        this.home = home;
    }

    public static EmbeddedNeo4j start(CrmDataProperties properties) {
        CrmDataProperties.Embedded settings = properties.getEmbedded();
        Path home = properties.getDataDir().toAbsolutePath().normalize();
        long started = System.nanoTime();
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + home + " (set crm.data-dir to a writable folder)", e);
        }
        int boltPort = settings.getBoltPort() > 0 ? settings.getBoltPort() : freeLoopbackPort();
        // GDS sizes its graphs with JOL, which would otherwise start a second JVM that attaches to this one with the
        // Serviceability Agent (ptrace) the first time; seen to hang in a JVM holding the model's native threads
        if (System.getProperty("jol.skipHotspotSAAttach") == null) {
            System.setProperty("jol.skipHotspotSAAttach", "true");
        }
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, boltPort))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(LOOPBACK, boltPort))
                // Browser's static files are served by the service itself; Neo4j's own HTTP server would drag in Jersey 2.
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(settings.getPageCache()))
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"))
                // A CRM must not leak usage data: Neo4j Browser reads this through dbms.clientConfig().
                .setConfig(ServerSettings.allow_telemetry, false)
                .build();
        GraphDatabaseAPI database = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        var address = database.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        URI boltUri = URI.create("bolt://" + address.getHost() + ":" + address.getPort());
        log.info("Embedded Neo4j started in {} ms, store {}, Bolt {}", (System.nanoTime() - started) / 1_000_000, home, boltUri);
        if (settings.isGds()) {
            GdsProcedureRegistrar.register(database);
        }
        return new EmbeddedNeo4j(dbms, boltUri, home);
    }

    public URI boltUri() {
        return boltUri;
    }

    public Path home() {
        return home;
    }

    @Override
    public void close() {
        log.info("Shutting down embedded Neo4j ({})", home);
        dbms.shutdown();
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + LOOPBACK + " for Bolt", e);
        }
    }
}
