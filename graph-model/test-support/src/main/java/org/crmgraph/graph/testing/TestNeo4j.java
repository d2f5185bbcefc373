package org.crmgraph.graph.testing;

import java.net.URI;
import java.util.Locale;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * Which real Neo4j the integration tests run on, chosen by one property: {@code -Dcrm.test.neo4j=embedded} (the
 * default: the embedded DBMS, as the service runs out of the box) or {@code -Dcrm.test.neo4j=testcontainers} (a Neo4j
 * server with Graph Data Science in a container, started once per test JVM; needs Docker). Where Docker is absent,
 * container runs are skipped with a message saying so ({@link RealNeo4j}).
 */
public final class TestNeo4j {

    /** The system property (or, upper-cased with underscores, environment variable) that selects the mode. */
    public static final String MODE_PROPERTY = "crm.test.neo4j";

    /** The image of container runs; override with {@code -Dcrm.test.neo4j.image=...}. */
    public static final String DEFAULT_IMAGE = "neo4j:2026.08.1";

    public enum Mode {
        EMBEDDED,
        TESTCONTAINERS
    }

    /** Where a server is and how to log in. */
    public record Server(URI boltUri, AuthToken authToken, String password) {}

    private static Neo4jContainer container;
    private static Boolean dockerAvailable;

    private TestNeo4j() {}

    public static Mode mode() {
        String value = System.getProperty(MODE_PROPERTY, System.getenv("CRM_TEST_NEO4J"));
        if (value == null || value.isBlank()) {
            return Mode.EMBEDDED;
        }
        try {
            return Mode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    MODE_PROPERTY + " must be 'embedded' or 'testcontainers', was '" + value + "'", e);
        }
    }

    public static boolean containers() {
        return mode() == Mode.TESTCONTAINERS;
    }

    /** Whether a Docker engine answers (asked once per JVM). */
    public static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            try {
                dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                dockerAvailable = false;
            }
        }
        return dockerAvailable;
    }

    /** The container server of this JVM, started at the first call (with GDS; its procedures unrestricted). */
    public static synchronized Server container() {
        if (container == null) {
            String password = "crm-test-" + Long.toHexString(System.nanoTime());
            container = new Neo4jContainer(System.getProperty(MODE_PROPERTY + ".image", DEFAULT_IMAGE))
                    .withAdminPassword(password)
                    .withPlugins("graph-data-science")
                    .withNeo4jConfig("dbms.security.procedures.unrestricted", "gds.*");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "neo4j-container-stop"));
        }
        String password = container.getAdminPassword();
        return new Server(URI.create(container.getBoltUrl()), AuthTokens.basic("neo4j", password), password);
    }
}
