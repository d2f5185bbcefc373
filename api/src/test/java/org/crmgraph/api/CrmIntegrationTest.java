package org.crmgraph.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service on an embedded Neo4j (one shared Spring context for all such tests). Each test
 * class starts from the fixture graph through {@link GraphFixture}. GraphQL goes over HTTP with the
 * test admin key ({@link TestClients}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClients.class)
@ActiveProfiles("test")
public @interface CrmIntegrationTest {}
