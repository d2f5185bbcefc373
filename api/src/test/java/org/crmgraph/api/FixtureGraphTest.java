package org.crmgraph.api;

import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.fixture.GraphFixture;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/** API tests that start every test from the fixture graph ({@code fixtures/crm.cypher}). */
@CrmIntegrationTest
public abstract class FixtureGraphTest {

    @Autowired
    protected GraphQlTester graphQl;

    @Autowired
    protected CypherRunner cypher;

    @BeforeEach
    void resetToFixture() {
        GraphFixture.crm(cypher);
    }
}
