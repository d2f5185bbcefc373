package org.crmgraph.analytics;

import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.fixture.GraphFixture;
import org.crmgraph.graph.testing.RealNeo4j;
import org.crmgraph.graph.testing.SharedTestNeo4j;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.test.context.ContextConfiguration;

/**
 * Customer analytics on its own: the graph model and the analytics module on a real Neo4j with Graph Data Science
 * ({@link SharedTestNeo4j}), no web server, no language model. Each test starts from the fixture graph.
 */
@SpringBootTest(
        classes = AnalyticsModuleTest.AnalyticsOnly.class,
        properties = {"crm.data-dir=target/analytics-module-it", "crm.analytics.refresh-after-import=false"})
@ContextConfiguration(initializers = SharedTestNeo4j.class)
@RealNeo4j
public abstract class AnalyticsModuleTest {

    @Autowired
    protected CypherRunner cypher;

    @BeforeEach
    void resetToFixture() {
        GraphFixture.crm(cypher);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan({"org.crmgraph.graph", "org.crmgraph.analytics"})
    static class AnalyticsOnly {}
}
