package org.crmgraph.importer;

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
 * The import module on its own: the graph model and the import, on a real Neo4j ({@link SharedTestNeo4j}), no web
 * server, no language model. Each test starts from the fixture graph ({@code fixtures/crm.cypher}).
 */
@SpringBootTest(
        classes = ImportModuleTest.ImportOnly.class,
        properties = {
            "crm.data-dir=target/import-module-it",
            "crm.import.folder=target/import-it",
            "crm.import.report-folder=target/import-it-reports",
            "crm.import.batch-size=500"
        })
@ContextConfiguration(initializers = SharedTestNeo4j.class)
@RealNeo4j
abstract class ImportModuleTest {

    @Autowired
    protected CypherRunner cypher;

    @BeforeEach
    void resetToFixture() {
        GraphFixture.crm(cypher);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan({"org.crmgraph.graph", "org.crmgraph.importer"})
    static class ImportOnly {}
}
