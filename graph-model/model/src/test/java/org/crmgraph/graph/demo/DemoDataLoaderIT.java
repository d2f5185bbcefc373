package org.crmgraph.graph.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.event.DomainEvents;
import org.crmgraph.graph.schema.SchemaMigrations;
import org.crmgraph.graph.testing.EmbeddedTestDatabase;
import org.crmgraph.graph.testing.RealNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@RealNeo4j
class DemoDataLoaderIT {

    @TempDir
    Path dataDir;

    @Test
    void loadsAConnectedDemoGraphOnceIntoAnEmptyDatabase() {
        try (var database = EmbeddedTestDatabase.start(dataDir, false)) {
            var cypher = CypherRunner.over(database.driver());
            new SchemaMigrations(cypher).apply();
            var loader = new DemoDataLoader(cypher, new DomainEvents(event -> {}));

            assertThat(loader.loadIfEmpty(120)).isTrue();
            Map<String, Long> counts = counts(cypher);
            var expected = new DemoDataSet(42, 120);
            assertThat(counts)
                    .containsEntry("Customer", 120L)
                    .containsEntry("Order", (long) expected.orders().size())
                    .containsEntry("Ticket", (long) expected.tickets().size())
                    .containsEntry("Interaction", (long) expected.interactions().size())
                    .containsEntry("Article", (long) expected.articles().size());
            // every order has lines and an owner, every resolved ticket its article
            assertThat(single(
                            cypher,
                            "MATCH (o:Order) WHERE NOT (o)-[:CONTAINS]->() OR NOT ()-[:PLACED]->(o) RETURN count(o)"))
                    .isZero();
            assertThat(single(
                            cypher,
                            "MATCH (t:Ticket {status: 'RESOLVED'}) WHERE NOT (t)-[:RESOLVED_BY]->() RETURN count(t)"))
                    .isZero();
            assertThat(single(cypher, "MATCH (i:Interaction) RETURN count(DISTINCT i.channel)"))
                    .isGreaterThanOrEqualTo(5);

            assertThat(loader.loadIfEmpty(120)).isFalse();
            assertThat(counts(cypher)).isEqualTo(counts);
        }
    }

    private static long single(CypherRunner cypher, String query) {
        return cypher.read(query, Map.of(), r -> r.get(0).asLong()).getFirst();
    }

    private static Map<String, Long> counts(CypherRunner cypher) {
        return Map.of(
                "Customer", single(cypher, "MATCH (n:Customer) RETURN count(n)"),
                "Order", single(cypher, "MATCH (n:Order) RETURN count(n)"),
                "Ticket", single(cypher, "MATCH (n:Ticket) RETURN count(n)"),
                "Interaction", single(cypher, "MATCH (n:Interaction) RETURN count(n)"),
                "Article", single(cypher, "MATCH (n:Article) RETURN count(n)"),
                "Product", single(cypher, "MATCH (n:Product) RETURN count(n)"));
    }
}
