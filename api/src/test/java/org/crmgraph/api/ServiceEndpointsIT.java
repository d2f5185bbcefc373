package org.crmgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.fixture.GraphFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/** What a newcomer reaches over HTTP and Bolt once the service is up. */
@CrmIntegrationTest
class ServiceEndpointsIT {

    @LocalServerPort
    int port;

    @Autowired
    CypherRunner cypher;

    @Autowired
    TestClients clients;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void graphQlAnswersOverHttp() throws Exception {
        GraphFixture.crm(cypher);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("X-API-Key", clients.adminKey())
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ customer(id: \\\"c1\\\") { name } }\"}"))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .startsWith("{\"data\":{\"customer\":{\"name\":\"Alice Archer\"}},\"extensions\":{\"cost\":{");
    }

    @Test
    void introspectionAndGraphiqlAreAvailable() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("X-API-Key", clients.adminKey())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"query\":\"{ __type(name: \\\"CustomerConnection\\\") { fields { name } } }\"}"))
                .build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).body())
                .contains("totalCount", "pageInfo", "edges");
        var graphiql = get("/graphiql");
        assertThat(graphiql.statusCode()).isEqualTo(200);
        assertThat(graphiql.body()).containsIgnoringCase("graphiql");
    }

    @Test
    void neo4jBrowserIsServedWithAPolicyThatKeepsItOffTheInternet() throws Exception {
        var browser = get("/browser/");
        assertThat(browser.statusCode()).isEqualTo(200);
        assertThat(browser.body()).contains("Neo4j Browser");
        assertThat(browser.headers().firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .contains("connect-src 'self' ws://127.0.0.1:*")
                .doesNotContain("https:");
    }

    @Test
    void discoveryDocumentPointsBrowserAtTheEmbeddedBoltPort() throws Exception {
        var discovery = get("/");
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body())
                .contains("\"bolt_direct\":\"bolt://127.0.0.1:")
                .contains("\"neo4j_version\":\"2026.08.1\"");
    }

    @Test
    void healthIsUpIncludingNeo4j() throws Exception {
        // the embedding model loads in the background from start-up on: ready once it is there, not before
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
        while (get("/actuator/health/readiness").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        var health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void graphDataScienceIsRegisteredInTheEmbeddedDatabase() {
        String version = cypher.read(
                        "CALL gds.version() YIELD gdsVersion RETURN gdsVersion",
                        Map.of(),
                        r -> r.get(0).asString())
                .getFirst();
        assertThat(version).isEqualTo("2.26.0");
        GraphFixture.crm(cypher);
        // a full GDS lifecycle on the fixture: project, run, drop
        cypher.read("""
                MATCH (c:Customer)-[:PLACED]->(:Order)-[:CONTAINS]->(p:Product)
                WITH gds.graph.project('it-purchases', c, p) AS g RETURN g.graphName
                """, Map.of(), r -> r.get(0).asString());
        try {
            long communities = cypher.read(
                            "CALL gds.wcc.stream('it-purchases') YIELD componentId RETURN count(DISTINCT componentId)",
                            Map.of(),
                            r -> r.get(0).asLong())
                    .getFirst();
            assertThat(communities).isEqualTo(2);
        } finally {
            cypher.read(
                    "CALL gds.graph.drop('it-purchases') YIELD graphName RETURN graphName",
                    Map.of(),
                    r -> r.get(0).asString());
        }
    }

    @Test
    void schemaMigrationsCreatedTheUniquenessConstraints() {
        var constraints = cypher.read(
                "SHOW CONSTRAINTS YIELD name RETURN name",
                Map.of(),
                r -> r.get(0).asString());
        assertThat(constraints)
                .contains("customer_id", "customer_email", "product_sku", "order_id", "ticket_id", "article_id");
    }

    @Test
    void theJarServesTheSchemaFromTheRepositoryRoot() throws Exception {
        String packaged = new ClassPathResource("graphql/schema.graphqls").getContentAsString(StandardCharsets.UTF_8);
        assertThat(packaged).isEqualTo(Files.readString(Path.of("..", "schema.graphqls")));
    }
}
