package org.crmgraph.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.crmgraph.api.CrmIntegrationTest;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.demo.DemoDataLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A deeply nested list query must cost the same number of database round trips for 2 customers as
 * for 40: one per level of nesting, never one per parent.
 */
@CrmIntegrationTest
class NestedListsLoadInBatchesIT {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    CypherRunner cypher;

    @Autowired
    DemoDataLoader demoData;

    @BeforeEach
    void demoGraph() {
        cypher.write("MATCH (n) WHERE NOT n:__CrmMigration AND NOT n:ApiKey DETACH DELETE n", Map.of());
        demoData.loadIfEmpty(60);
    }

    private long transactionsFor(int customers) {
        long before = cypher.transactionCount();
        graphQl.documentName("nestedCustomers")
                .variable("first", customers)
                .execute()
                .path("customers.edges")
                .entityList(Object.class)
                .hasSize(customers);
        return cypher.transactionCount() - before;
    }

    @Test
    void roundTripsDoNotGrowWithTheNumberOfParents() {
        long few = transactionsFor(2);
        long many = transactionsFor(40);
        // page + customer.orders/tickets/interactions + order.customer/lines (with products) + product.buyers
        // + buyer.customer + ticket.customer/product/resolvedBy + article.resolvedTickets +
        // interaction.customer/product
        // (a level with no parents costs nothing, so the small page may need fewer)
        assertThat(few).isLessThanOrEqualTo(16);
        assertThat(many).isLessThanOrEqualTo(16);
    }
}
