package org.crmgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.embedded.EmbeddedNeo4j;
import org.crmgraph.graph.embedded.EmbeddedNeo4jProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
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
    static Path externalStore;
    static EmbeddedNeo4jProperties externalSettings;

    @DynamicPropertySource
    static void pointAtExternalServer(DynamicPropertyRegistry registry) throws Exception {
        externalStore = Files.createTempDirectory("external-neo4j");
        // the external server here has no authentication; the service's own embedded one has
        externalSettings = EmbeddedNeo4jProperties.forTests(false, false);
        externalServer = EmbeddedNeo4j.start(externalStore, externalSettings);
        registry.add(
                "spring.neo4j.uri", () -> externalServer.boltUri().toString().replace("bolt://", "neo4j://"));
        registry.add("crm.demo-data.enabled", () -> "true");
    }

    @AfterAll
    static void stopExternalServer() {
        if (externalServer != null) {
            externalServer.close();
        }
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    CypherRunner cypher;

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    TestClients clients;

    @LocalServerPort
    int port;

    @Test
    void startsNothingEmbeddedAndLoadsNoDemoDataIntoAnExternalServer() {
        assertThat(context.getBeanNamesForType(EmbeddedNeo4j.class)).isEmpty();
        // demo data would bring products, orders and articles; tests here create customers only
        assertThat(cypher.read(
                        "MATCH (n) WHERE n:Product OR n:Order OR n:Article RETURN count(n)",
                        Map.of(),
                        r -> r.get(0).asLong()))
                .containsExactly(0L);
    }

    @Test
    void appliesTheSchemaMigrationsToTheExternalServer() {
        assertThat(cypher.read(
                        "SHOW CONSTRAINTS YIELD name RETURN name",
                        Map.of(),
                        r -> r.get(0).asString()))
                .contains("customer_id", "customer_email", "product_sku");
    }

    @Test
    void servesGraphQlFromTheExternalServerThroughTheRoutingDriver() {
        cypher.write("MATCH (n) WHERE NOT n:__CrmMigration AND NOT n:ApiKey DETACH DELETE n", Map.of());
        var created = graphQl.documentName("createCustomer")
                .variable("input", Map.of("name", "Remote Rita", "email", "rita@example.com"))
                .execute();
        String id =
                created.path("createCustomer.customer.id").entity(String.class).get();
        graphQl.documentName("customer")
                .variable("id", id)
                .execute()
                .path("customer.name")
                .entity(String.class)
                .isEqualTo("Remote Rita");
    }

    @Test
    void doesNotServeNeo4jBrowserForAServerItDoesNotRun() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/browser/"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void whenTheServerGoesAwayRequestsFailFastWithAClearErrorHealthSaysSoAndTheServiceRecoversWhenItReturns()
            throws Exception {
        cypher.write("MATCH (n) WHERE NOT n:__CrmMigration AND NOT n:ApiKey DETACH DELETE n", Map.of());
        graphQl.documentName("createCustomer")
                .variable("input", Map.of("name", "Kept Kim", "email", "kim@example.com"))
                .execute()
                .path("createCustomer.customer.id")
                .hasValue();
        int boltPort = externalServer.boltUri().getPort();
        externalServer.close();
        try {
            long started = System.nanoTime();
            String body = clients.http()
                    .defaultHeader("X-API-Key", clients.adminKey())
                    .build()
                    .post()
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", "{ customers { totalCount } }"))
                    .exchange()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(body)
                    .contains("\"code\":\"DATABASE_UNAVAILABLE\"")
                    .contains("not reachable right now")
                    .doesNotContain("Exception")
                    .doesNotContain("bolt://");
            assertThat(millis).as("failed fast").isLessThan(20_000);
            System.out.printf("Neo4j away: the request failed in %d ms with DATABASE_UNAVAILABLE%n", millis);
            // health answers from a check at most crm.health.max-age old (10 s), each cut off after 5 s
            long away = System.nanoTime();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> clients.root()
                                    .build()
                                    .get()
                                    .uri("/actuator/health/readiness")
                                    .exchange()
                                    .returnResult(String.class)
                                    .getStatus()
                                    .value()
                            == 503);
            System.out.printf("Neo4j away: readiness said so after %d ms%n", (System.nanoTime() - away) / 1_000_000);
            clients.root()
                    .build()
                    .get()
                    .uri("/actuator/health")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.components.neo4j.status")
                    .isEqualTo("DOWN")
                    .jsonPath("$.components.model.status")
                    .isEqualTo("UP");
            // liveness is the JVM's own: nobody should restart the service because the database is away
            clients.root()
                    .build()
                    .get()
                    .uri("/actuator/health/liveness")
                    .exchange()
                    .expectStatus()
                    .isOk();
        } finally {
            externalServer = EmbeddedNeo4j.start(externalStore, externalSettings.withBoltPort(boltPort));
        }
        long restarted = System.nanoTime();
        long deadline = restarted + 60_000_000_000L;
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            status = clients.root()
                    .build()
                    .get()
                    .uri("/actuator/health/readiness")
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value();
            if (status != 200) {
                Thread.sleep(500);
            }
        }
        assertThat(status).as("ready again after the server returned").isEqualTo(200);
        System.out.printf(
                "Neo4j away: readiness back %d ms after the server was up again%n",
                (System.nanoTime() - restarted) / 1_000_000);
        graphQl.document("{ customers(filter: {nameContains: \"Kept Kim\"}) { totalCount } }")
                .execute()
                .path("customers.totalCount")
                .entity(Integer.class)
                .isEqualTo(1);
    }
}
