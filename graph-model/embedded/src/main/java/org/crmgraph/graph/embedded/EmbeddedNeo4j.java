package org.crmgraph.graph.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.graphdb.config.Setting;
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

    static final String USER = "neo4j";
    static final String PASSWORD_FILE = "neo4j-password";

    private final DatabaseManagementService dbms;
    private final URI boltUri;
    private final Path home;
    private final String password;

    private EmbeddedNeo4j(DatabaseManagementService dbms, URI boltUri, Path home, String password) {
        this.dbms = dbms;
        this.boltUri = boltUri;
        this.home = home;
        this.password = password;
    }

    /** The store, keys and import reports are for this service's user alone, where the file system can say so. */
    private static void ownerOnly(Path folder) {
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException | IOException e) {
            log.warn("Could not make {} readable by its owner only: {}", folder, e.getMessage());
        }
    }

    /** Starts a DBMS whose store is the folder {@code dataDir} (created when missing). */
    public static EmbeddedNeo4j start(Path dataDir, EmbeddedNeo4jProperties settings) {
        Path home = dataDir.toAbsolutePath().normalize();
        long started = System.nanoTime();
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot create the data folder " + home + " (set crm.data-dir to a writable folder)", e);
        }
        ownerOnly(home);
        int boltPort = settings.boltPort() > 0 ? settings.boltPort() : freeLoopbackPort();
        // GDS sizes its graphs with JOL, which would otherwise start a second JVM that attaches to this one with the
        // Serviceability Agent (ptrace) the first time; seen to hang in a JVM holding the model's native threads
        if (System.getProperty("jol.skipHotspotSAAttach") == null) {
            System.setProperty("jol.skipHotspotSAAttach", "true");
        }
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                // the operator's tuning first, so the settings below (security among them) always win
                .setConfig(tuning(settings.settings()))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, boltPort))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(LOOPBACK, boltPort))
                // Browser's static files are served by the service itself; Neo4j's own HTTP server would drag in Jersey
                // 2.
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, settings.auth())
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(settings.pageCache()))
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"))
                // Bolt's Netty groups wait this long for stray tasks before they stop, one group after the other:
                // 5 s each by default, 10 of the 11 s an import command spent closing the database. The driver's
                // connections are closed before the database, so there is nothing left to wait for.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ofMillis(50))
                // A CRM must not leak usage data: Neo4j Browser reads this through dbms.clientConfig().
                .setConfig(ServerSettings.allow_telemetry, false)
                // LOAD CSV from file: URLs would let a Browser user read any file the service can (keys, the store);
                // imports go through the service's own import, which is confined to its import folder
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .build();
        GraphDatabaseAPI database = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        var address = database.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        URI boltUri = URI.create("bolt://" + address.getHost() + ":" + address.getPort());
        log.info(
                "Embedded Neo4j started in {} ms, store {}, Bolt {}",
                (System.nanoTime() - started) / 1_000_000,
                home,
                boltUri);
        if (settings.gds()) {
            GdsProcedureRegistrar.register(database);
        }
        String password = settings.auth() ? ensurePassword(dbms, home) : null;
        return new EmbeddedNeo4j(dbms, boltUri, home, password);
    }

    /**
     * The operator's own Neo4j settings, by Neo4j's names, checked by Neo4j's own parser: an unknown name or a value
     * it cannot read fails the start, naming it.
     */
    static Map<Setting<?>, Object> tuning(Map<String, String> raw) {
        if (raw.isEmpty()) {
            return Map.of();
        }
        Config parsed = Config.newBuilder().setRaw(raw).build();
        Map<Setting<?>, Object> settings = new HashMap<>();
        for (Setting<Object> setting : parsed.getDeclaredSettings().values()) {
            if (parsed.isExplicitlySet(setting)) {
                settings.put(setting, parsed.get(setting));
            }
        }
        return settings;
    }

    /** The password of user neo4j: generated and set at the first start with auth, read back afterwards. */
    private static String ensurePassword(DatabaseManagementService dbms, Path home) {
        Path file = home.resolve(PASSWORD_FILE);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // in-process transactions are not subject to Bolt authentication, so the system database takes the change
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                    .executeTransactionally(
                            "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                            Map.of("password", password));
            Path written = Files.writeString(home.resolve(PASSWORD_FILE + ".tmp"), password);
            try {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data folder's own permissions protect it
            }
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("Generated the password of Neo4j user '{}' into {}", USER, file);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the Neo4j password in " + file, e);
        }
    }

    /** What the driver sends: user neo4j and its password, or nothing when auth is off. */
    public AuthToken authToken() {
        return password == null ? AuthTokens.none() : AuthTokens.basic(USER, password);
    }

    public boolean authEnabled() {
        return password != null;
    }

    public Path passwordFile() {
        return home.resolve(PASSWORD_FILE);
    }

    /** The Neo4j version running in this JVM, for Neo4j Browser's discovery document. */
    public String version() {
        return org.neo4j.kernel.internal.Version.getNeo4jVersion();
    }

    public URI boltUri() {
        return boltUri;
    }

    public Path home() {
        return home;
    }

    /** Transactions inside this JVM, without Bolt, on the default database. */
    public EmbeddedTransactions transactions() {
        return new EmbeddedTransactions(
                dbms.database(org.neo4j.configuration.GraphDatabaseSettings.DEFAULT_DATABASE_NAME));
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
