package org.crmgraph.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.crmgraph.api.FixtureGraphTest;
import org.crmgraph.api.TestClients;
import org.crmgraph.graph.security.ApiKeyStore;
import org.crmgraph.graph.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streaming ingest over GraphQL and NDJSON: records are cleaned and resolved like a bulk import's rows, each gets an
 * answer, bad ones never stop the good ones, change events are written with them; and what an attacker tries (the
 * wrong role, no key, an oversized body, bringing an erased person back).
 */
class StreamingIngestIT extends FixtureGraphTest {

    @Autowired
    TestClients clients;

    @Autowired
    ApiKeyStore keys;

    private static final String INGEST_ORDERS = """
            mutation($records: [IngestOrderLineInput!]!) {
              ingestOrders(records: $records) {
                accepted rejected errors { field code message }
                records { record status id customerId problems { field message } } } }""";

    private static final String BUSINESS_NODES =
            "MATCH (n) WHERE NOT n:ApiKey AND NOT n:AuditEvent AND NOT n:ChangeLogCursor RETURN count(n)";

    /** The change log is kept from test to test: these tests count the events written since they began. */
    private String since;

    @org.junit.jupiter.api.BeforeEach
    void markTheLog() {
        since = "e.at >= datetime('" + java.time.Instant.now() + "')";
    }

    private long count(String cypher) {
        return this.cypher.read(cypher, Map.of(), r -> r.get(0).asLong()).getFirst();
    }

    private List<JsonNode> postNdjson(String path, String key, String body, int expectedStatus) {
        byte[] response = clients.root()
                .build()
                .post()
                .uri(path)
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(expectedStatus)
                .expectBody()
                .returnResult()
                .getResponseBody();
        String text = response == null ? "" : new String(response, java.nio.charset.StandardCharsets.UTF_8);
        var json = JsonMapper.builder().build();
        return text.lines().filter(l -> !l.isBlank()).map(json::readTree).toList();
    }

    @Test
    void orderLinesAreResolvedToTheirCustomerWrittenAsOneOrderAndAnnouncedOnce() {
        var lines = List.of(
                Map.of(
                        "orderId", "o-s1",
                        "placedAt", "2026-11-30T10:00:00Z",
                        "sku", "AUD-1",
                        "quantity", 2,
                        "unitPrice", 280.0,
                        "currency", "GBP",
                        "customer", Map.of("email", " Alice@Example.COM ")),
                Map.of(
                        "orderId", "o-s1",
                        "placedAt", "2026-11-30T10:00:00Z",
                        "sku", "NEW-9",
                        "productName", "travel case",
                        "quantity", 1,
                        "unitPrice", 19.5,
                        "customer", Map.of("email", "alice@example.com")),
                Map.of("orderId", "o-s2", "placedAt", "yesterday", "sku", "AUD-2", "quantity", 1),
                Map.of("orderId", "o-s3", "placedAt", "2026-11-30T11:00:00Z", "sku", "AUD-2", "quantity", 1));
        var response =
                graphQl.document(INGEST_ORDERS).variable("records", lines).execute();
        response.path("ingestOrders.accepted").entity(Integer.class).isEqualTo(3);
        response.path("ingestOrders.rejected").entity(Integer.class).isEqualTo(1);
        response.path("ingestOrders.records[*].status")
                .entityList(String.class)
                .containsExactly("ACCEPTED", "ACCEPTED", "REJECTED", "ACCEPTED");
        response.path("ingestOrders.records[0].customerId").entity(String.class).isEqualTo("c1");
        response.path("ingestOrders.records[2].problems[0].field")
                .entity(String.class)
                .isEqualTo("placedAt");
        // a guest checkout is kept, for nobody
        response.path("ingestOrders.records[3].customerId").valueIsNull();

        assertThat(
                        count(
                                "MATCH (:Customer {id: 'c1'})-[:PLACED]->(o:Order {id: 'o-s1'})-[:CONTAINS]->() RETURN count(*)"))
                .isEqualTo(2);
        assertThat(count("MATCH (o:Order {id: 'o-s1'}) RETURN toInteger(o.total * 100)"))
                .isEqualTo(57950);
        assertThat(count("MATCH (:Product {sku: 'NEW-9'}) RETURN count(*)")).isEqualTo(1);
        assertThat(count("MATCH (o:Order {id: 'o-s2'}) RETURN count(o)")).isZero();
        assertThat(count("MATCH (e:ChangeEvent {type: 'ORDER_PLACED'}) WHERE e.entityId IN ['o-s1', 'o-s3'] AND "
                        + since + " RETURN count(e)"))
                .isEqualTo(2);

        // sent again (a retry after a timeout): the same order, not twice the lines, and no second announcement
        graphQl.document(INGEST_ORDERS)
                .variable("records", lines)
                .execute()
                .path("ingestOrders.accepted")
                .entity(Integer.class)
                .isEqualTo(3);
        assertThat(count("MATCH (o:Order {id: 'o-s1'})-[:CONTAINS]->() RETURN count(*)"))
                .isEqualTo(2);
        assertThat(count("MATCH (e:ChangeEvent {type: 'ORDER_PLACED', entityId: 'o-s1'}) WHERE " + since
                        + " RETURN count(e)"))
                .isEqualTo(1);
    }

    @Test
    void ndjsonInteractionsAnswerEachLineAndABadLineDoesNotStopTheOthers() {
        String steward = keys.create("ingest test", Role.DATA_STEWARD, "test").secret();
        String body = """
                {"id":"chat-1","channel":"chat","type":"message","at":"2026-11-30T09:00:00Z","text":"Hi","customer":{"id":"u-77","email":"new.person@example.net","name":"Nia New"}}
                {"id":"chat-2","channel":"chat",
                {"id":"chat-1","channel":"chat","type":"message","at":"2026-11-30T09:00:00Z","text":"Hi","customer":{"id":"u-77","email":"new.person@example.net","name":"Nia New"}}
                {"id":"chat-3","at":"2026-11-30T09:05:00Z","customer":{"email":"bob@example.org"}}
                {"id":"web-1","channel":"web","type":"page_view","at":"2026-11-30T09:06:00Z","customer":{"email":"bob@example.org","phone":"not a phone"}}
                """;
        List<JsonNode> answers = postNdjson("/ingest/interactions?source=chat", steward, body, 200);

        assertThat(answers)
                .extracting(a -> a.get("status").asString())
                .containsExactly("ACCEPTED", "REJECTED", "DUPLICATE", "REJECTED", "ACCEPTED");
        assertThat(answers).extracting(a -> a.get("record").asInt()).containsExactly(1, 2, 3, 4, 5);
        // a record not written has no id and no customer (null, not an empty string)
        assertThat(answers.get(1).get("id").isNull()).isTrue();
        assertThat(answers.get(1).get("customerId").isNull()).isTrue();
        assertThat(answers.get(1).get("problems").get(0).get("message").asString())
                .contains("not valid JSON");
        assertThat(answers.get(3).get("problems").toString()).contains("channel");
        // an invalid phone is dropped, said so, and the record is written
        assertThat(answers.get(4).get("problems").toString()).contains("customer.phone");
        assertThat(answers.get(4).get("customerId").asString()).isEqualTo("c2");

        String newCustomer = answers.get(0).get("customerId").asString();
        assertThat(newCustomer).startsWith("cus-");
        assertThat(count("MATCH (c:Customer {id: '" + newCustomer + "', email: 'new.person@example.net'})-[:HAD]->"
                        + "(:Interaction {id: 'chat-1', channel: 'CHAT'}) RETURN count(*)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:SourceRecord {key: 'chat:id:u-77'})-[:RESOLVED_TO]->(c:Customer) RETURN count(c)"))
                .isEqualTo(1);
        assertThat(count("MATCH (e:ChangeEvent {type: 'INTERACTION_RECORDED'}) WHERE " + since + " RETURN count(e)"))
                .isEqualTo(2);
        assertThat(count("MATCH (e:ChangeEvent {type: 'INTERACTION_RECORDED', entityId: 'chat-1'}) WHERE " + since + " "
                        + "RETURN count(e.`attribute.customerId`)"))
                .isEqualTo(1);
    }

    @Test
    void onlyStewardsAndAdminsMayStreamAndAnOversizedRequestWritesNothing() {
        long before = count(BUSINESS_NODES);
        String line =
                "{\"channel\":\"web\",\"at\":\"2026-11-30T09:00:00Z\",\"customer\":{\"email\":\"x@example.net\"}}\n";
        for (Role role : List.of(Role.AGENT, Role.ANALYST, Role.READ_ONLY)) {
            String key = keys.create("ingest " + role, role, "test").secret();
            postNdjson("/ingest/interactions", key, line, 403);
        }
        clients.root()
                .build()
                .post()
                .uri("/ingest/interactions")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue(line)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        String admin = clients.adminKey();
        postNdjson("/ingest/interactions", admin, line.repeat(1001), 413);
        postNdjson("/ingest/nothing", admin, line, 404);
        postNdjson("/ingest/interactions?source=" + "a:b", admin, line, 400);
        // keys and the audit trail are not business data; the refused requests wrote nothing else
        assertThat(count(BUSINESS_NODES)).isEqualTo(before);
        assertThat(count("MATCH (c:Customer {email: 'x@example.net'}) RETURN count(c)"))
                .isZero();

        clients.as(keys.create("ingest analyst", Role.ANALYST, "test").secret())
                .document(INGEST_ORDERS)
                .variable(
                        "records",
                        List.of(Map.of(
                                "orderId", "o-x", "placedAt", "2026-11-30T10:00:00Z", "sku", "AUD-1", "quantity", 1)))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
        assertThat(count("MATCH (o:Order {id: 'o-x'}) RETURN count(o)")).isZero();

        // a bad source name over GraphQL: the request is refused whole, naming the argument
        var badSource = graphQl.document("""
                        mutation($records: [IngestOrderLineInput!]!) {
                          ingestOrders(source: "shop:evil", records: $records) {
                            accepted records { status } errors { field code } } }""")
                .variable(
                        "records",
                        List.of(Map.of(
                                "orderId", "o-y", "placedAt", "2026-11-30T10:00:00Z", "sku", "AUD-1", "quantity", 1)))
                .execute();
        badSource.path("ingestOrders.errors[0].field").entityList(String.class).containsExactly("source");
        badSource.path("ingestOrders.errors[0].code").entity(String.class).isEqualTo("INVALID_FORMAT");
        badSource.path("ingestOrders.records").entityList(Object.class).hasSize(0);
        assertThat(count("MATCH (o:Order {id: 'o-y'}) RETURN count(o)")).isZero();
    }

    @Test
    void anErasedPersonIsNotBroughtBackByAStream() {
        graphQl.document("mutation { eraseCustomer(id: \"c1\") { errors { code } } }")
                .execute();
        long customers = count("MATCH (c:Customer) RETURN count(c)");
        var answers = postNdjson(
                "/ingest/interactions",
                clients.adminKey(),
                "{\"channel\":\"email\",\"at\":\"2026-11-30T09:00:00Z\",\"text\":\"hello again\","
                        + "\"customer\":{\"email\":\"alice@example.com\"}}\n",
                200);
        assertThat(answers.getFirst().get("status").asString()).isEqualTo("ERASED");
        assertThat(count("MATCH (c:Customer) RETURN count(c)")).isEqualTo(customers);
        assertThat(count("MATCH (i:Interaction {text: 'hello again'}) RETURN count(i)"))
                .isZero();
    }
}
