package org.crmgraph.graph.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.crmgraph.graph.embedded.EmbeddedNeo4j;
import org.crmgraph.graph.embedded.EmbeddedNeo4jProperties;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One Neo4j server per test JVM for module tests that boot a Spring context of their own module only (no web server,
 * no model): an embedded DBMS with Graph Data Science on a free port, or the container of {@link TestNeo4j} in
 * container mode. Used as a context initializer, it points Boot's {@code spring.neo4j.*} at that server, as an
 * external Neo4j would be configured.
 */
public final class SharedTestNeo4j implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static TestNeo4j.Server server;

    /** The server, started at the first call and stopped when the JVM exits. */
    public static synchronized TestNeo4j.Server server() {
        if (server == null) {
            if (TestNeo4j.containers()) {
                server = TestNeo4j.container();
            } else {
                EmbeddedNeo4j neo4j;
                try {
                    neo4j = EmbeddedNeo4j.start(
                            Files.createTempDirectory("crm-module-test"),
                            EmbeddedNeo4jProperties.forTests(true, false));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close, "embedded-neo4j-stop"));
                server = new TestNeo4j.Server(neo4j.boltUri(), neo4j.authToken(), "");
            }
        }
        return server;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var shared = server();
        Map<String, Object> settings = new java.util.HashMap<>(
                Map.of("spring.neo4j.uri", shared.boltUri().toString()));
        if (!shared.password().isEmpty()) {
            settings.put("spring.neo4j.authentication.username", "neo4j");
            settings.put("spring.neo4j.authentication.password", shared.password());
        }
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("crm-shared-test-neo4j", settings));
    }
}
