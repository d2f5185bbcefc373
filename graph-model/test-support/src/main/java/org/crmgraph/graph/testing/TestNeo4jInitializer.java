package org.crmgraph.graph.testing;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the container server in container mode ({@link TestNeo4j}), by setting Boot's
 * {@code spring.neo4j.*}; in embedded mode it changes nothing and the application starts its embedded Neo4j.
 */
public final class TestNeo4jInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!TestNeo4j.containers()) {
            return;
        }
        var server = TestNeo4j.container();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "crm-test-neo4j",
                        Map.of(
                                "spring.neo4j.uri", server.boltUri().toString(),
                                "spring.neo4j.authentication.username", "neo4j",
                                "spring.neo4j.authentication.password", server.password())));
    }
}
