package org.crmgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.embedded.CrmDataProperties;
import org.crmgraph.graph.embedded.EmbeddedNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code spring.neo4j.uri} set, the service embeds nothing and works through the routing
 * driver against that server. A separate DBMS plays the external server here (no Docker on the
 * CI machines); the service only sees its {@code neo4j://} address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClients.class)
@ActiveProfiles("test")
class ExternalNeo4jModeIT {

    static EmbeddedNeo4j externalServer;

    @DynamicPropertySource
    static void pointAtExternalServer(DynamicPropertyRegistry registry) throws Exception {
        var properties = new CrmDataProperties();
        properties.setDataDir(Files.createTempDirectory("external-neo4j"));
        properties.getEmbedded().setBoltPort(0);
        properties.getEmbedded().setPageCache("32m");
        properties.getEmbedded().setGds(false);
        externalServer = EmbeddedNeo4j.start(properties);
        registry.add("spring.neo4j.uri", () -> externalServer.boltUri().toString().replace("bolt://", "neo4j://"));
        registry.add("crm.demo-data.enabled", () -> "true");
    }

    @AfterAll
    static void stopExternalServer() {
        if (externalServer != null) {
            externalServer.close();
        }
    }

    @Autowired ApplicationContext context;
    @Autowired CypherRunner cypher;
    @Autowired GraphQlTester graphQl;
    @LocalServerPort int port;

    @Test
    void startsNothingEmbeddedAndLoadsNoDemoDataIntoAnExternalServer() {
        assertThat(context.getBeanNamesForType(EmbeddedNeo4j.class)).isEmpty();
        // demo data would bring products, orders and articles; tests here create customers only
        assertThat(cypher.read("MATCH (n) WHERE n:Product OR n:Order OR n:Article RETURN count(n)", Map.of(),
                r -> r.get(0).asLong())).containsExactly(0L);
    }

    @Test
    void appliesTheSchemaMigrationsToTheExternalServer() {
        assertThat(cypher.read("SHOW CONSTRAINTS YIELD name RETURN name", Map.of(), r -> r.get(0).asString()))
                .contains("customer_id", "customer_email", "product_sku");
    }

    @Test
    void servesGraphQlFromTheExternalServerThroughTheRoutingDriver() {
        cypher.write("MATCH (n) WHERE NOT n:__CrmMigration AND NOT n:ApiKey DETACH DELETE n", Map.of());
        var created = graphQl.documentName("createCustomer")
                .variable("input", Map.of("name", "Remote Rita", "email", "rita@example.com")).execute();
        String id = created.path("createCustomer.customer.id").entity(String.class).get();
        graphQl.documentName("customer").variable("id", id).execute()
                .path("customer.name").entity(String.class).isEqualTo("Remote Rita");
    }

    @Test
    void doesNotServeNeo4jBrowserForAServerItDoesNotRun() throws Exception {
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/browser/")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(404);
    }
}
