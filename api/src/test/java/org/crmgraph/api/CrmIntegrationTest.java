package org.crmgraph.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.crmgraph.graph.fixture.GraphFixture;
import org.crmgraph.graph.testing.RealNeo4j;
import org.crmgraph.graph.testing.TestNeo4jInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a real Neo4j (one shared Spring context for all such tests): the embedded one, or with
 * {@code -Dcrm.test.neo4j=testcontainers} a Neo4j server with GDS in a container (skipped where Docker is absent). Each test
 * class starts from the fixture graph through {@link GraphFixture}. GraphQL goes over HTTP with the
 * test admin key ({@link TestClients}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestNeo4jInitializer.class)
@RealNeo4j
@Import(TestClients.class)
@ActiveProfiles("test")
public @interface CrmIntegrationTest {}
