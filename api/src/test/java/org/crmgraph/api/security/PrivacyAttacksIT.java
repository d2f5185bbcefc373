package org.crmgraph.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.crmgraph.api.CrmIntegrationTest;
import org.crmgraph.api.TestClients;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.fixture.GraphFixture;
import org.crmgraph.graph.fixture.ImportFiles;
import org.crmgraph.graph.security.ApiKeyStore;
import org.crmgraph.graph.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The threat list of the privacy issue, each written as the attack a hostile client would try, asserting that it
 * fails and that nothing leaked or changed. A reviewer reads the method names as the list; the limits themselves are
 * in docs/security.md.
 */
@CrmIntegrationTest
class PrivacyAttacksIT {

    private static final Instant T1 = Instant.parse("2026-01-10T00:00:00Z");

    @Autowired
    TestClients clients;

    @Autowired
    CypherRunner cypher;

    @Autowired
    ApiKeyStore keys;

    @Autowired
    org.crmgraph.language.answer.AnswerLog answerLog;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("modelHealthIndicator")
    org.crmgraph.api.health.CachedHealthCheck model;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("neo4jHealthIndicator")
    org.crmgraph.api.health.CachedHealthCheck neo4j;

    @BeforeEach
    void graph() {
        GraphFixture.crm(cypher);
    }

    private String key(Role role) {
        return keys.create("privacy attack " + role, role, "test").secret();
    }

    private static void singleError(GraphQlTester.Response response, String code, String argument) {
        response.errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions()).containsEntry("code", code);
                    if (argument != null) {
                        assertThat(e.getExtensions()).containsEntry("argument", argument);
                    }
                }));
    }

    private static String decoded(String cursor) {
        return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.ISO_8859_1);
    }

    // ------------------------------------------------------------------ cursors and masked values

    @Test
    void aMaskedRoleDecodingCursorsOfTheDefaultOrderLearnsNoName() {
        var page = clients.as(key(Role.READ_ONLY))
                .document("{ customers(first: 50) { edges { cursor node { id name } } } }")
                .execute();
        List<String> cursors =
                page.path("customers.edges[*].cursor").entityList(String.class).get();
        List<String> names = cypher.read(
                "MATCH (c:Customer) WHERE c.name IS NOT NULL RETURN c.name AS n",
                Map.of(),
                r -> r.get("n").asString());
        assertThat(cursors).isNotEmpty();
        for (String cursor : cursors) {
            for (String name : names) {
                for (String part : name.split(" ")) {
                    if (part.length() > 2) {
                        assertThat(decoded(cursor)).doesNotContain(part);
                    }
                }
            }
        }
        // and its default order is not by the masked name
        assertThat(page.path("customers.edges[*].node.name")
                        .entityList(String.class)
                        .get())
                .allSatisfy(n -> assertThat(n).matches("([^ ]\\. ?)+|"));
    }

    @Test
    void evenAnAdminsCursorSortedByEmailRevealsNoAddress() {
        var page = clients.as(clients.adminKey())
                .document("{ customers(first: 10, orderBy: {field: EMAIL}) { edges { cursor node { email } } } }")
                .execute();
        List<String> cursors =
                page.path("customers.edges[*].cursor").entityList(String.class).get();
        List<String> emails = page.path("customers.edges[*].node.email")
                .entityList(String.class)
                .get();
        assertThat(cursors).isNotEmpty().allSatisfy(c -> {
            for (String email : emails) {
                // random bytes may hold an '@'; an address, or its local part, never
                String local = email.substring(0, email.indexOf('@'));
                assertThat(decoded(c)).doesNotContain(email);
                if (local.length() >= 4) {
                    assertThat(decoded(c)).doesNotContain(local);
                }
            }
            assertThat(decoded(c)).doesNotContain("example");
        });
    }

    @Test
    void aMaskedRoleSortingOrFilteringByAMaskedFieldIsRefusedNamingTheArgument() {
        String readOnly = key(Role.READ_ONLY);
        String analyst = key(Role.ANALYST);
        for (String key : List.of(readOnly, analyst)) {
            singleError(
                    clients.as(key)
                            .document("{ customers(orderBy: {field: EMAIL}) { edges { cursor node { email } } } }")
                            .execute(),
                    "FORBIDDEN_ARGUMENT",
                    "orderBy.field");
            singleError(
                    clients.as(key)
                            .document("{ customers(orderBy: {field: NAME}) { totalCount } }")
                            .execute(),
                    "FORBIDDEN_ARGUMENT",
                    "orderBy.field");
            // the oracle: how many customers have an e-mail containing "alice"?
            singleError(
                    clients.as(key)
                            .document("{ customers(filter: {emailContains: \"alice\"}) { totalCount } }")
                            .execute(),
                    "FORBIDDEN_ARGUMENT",
                    "filter.emailContains");
            singleError(
                    clients.as(key)
                            .document("{ customers(filter: {nameContains: \"Arch\"}) { totalCount } }")
                            .execute(),
                    "FORBIDDEN_ARGUMENT",
                    "filter.nameContains");
            singleError(
                    clients.as(key)
                            .document("{ tickets(filter: {textContains: \"laptop\"}) { totalCount } }")
                            .execute(),
                    "FORBIDDEN_ARGUMENT",
                    "filter.textContains");
        }
        // the same arguments work for a role that sees the values anyway
        clients.as(key(Role.AGENT))
                .document("{ customers(filter: {emailContains: \"alice\"}, orderBy: {field: EMAIL}) { totalCount } }")
                .execute()
                .path("customers.totalCount")
                .entity(Integer.class)
                .isEqualTo(1);
    }

    @Test
    void aForgedOrEditedCursorIsAnInvalidCursorNotARangeOracle() {
        String agent = key(Role.AGENT);
        String cursor = clients.as(agent)
                .document("{ customers(first: 1, orderBy: {field: EMAIL}) { edges { cursor } } }")
                .execute()
                .path("customers.edges[0].cursor")
                .entity(String.class)
                .get();
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        bytes[bytes.length / 2] ^= 0x20;
        String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // what an attacker would write to ask "who sorts after b...?"
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("k1\ncustomer.email:asc\ns\nzzz\nb".getBytes(StandardCharsets.UTF_8));
        for (String after : List.of(edited, forged)) {
            singleError(
                    clients.as(agent)
                            .document("query($after: String) { customers(first: 5, after: $after, orderBy: {field: "
                                    + "EMAIL}) { edges { node { email } } } }")
                            .variable("after", after)
                            .execute(),
                    "INVALID_CURSOR",
                    "after");
        }
        // the genuine cursor still pages
        clients.as(agent)
                .document("query($after: String) { customers(first: 5, after: $after, orderBy: {field: EMAIL}) "
                        + "{ edges { node { id } } } }")
                .variable("after", cursor)
                .execute()
                .path("customers.edges")
                .entityList(Object.class)
                .hasSizeGreaterThan(0);
    }

    // ------------------------------------------------------------------ one request, unlimited work

    @Test
    void twoHundredAliasesOfAModelBackedFieldAreRefusedBeforeAnyInferenceRuns() {
        StringBuilder query = new StringBuilder("{");
        // 200 aliases of 2 fields each: under crm.graphql.max-fields, so the expensive-field bound is what refuses it
        for (int i = 0; i < 200; i++) {
            query.append(" a")
                    .append(i)
                    .append(": searchArticles(text: \"refund ")
                    .append(i)
                    .append("\") { similarity }");
        }
        var response = clients.as(key(Role.READ_ONLY))
                .document(query.append(" }").toString())
                .execute();
        response.errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX");
                    assertThat(e.getMessage()).contains("crm.graphql.max-expensive-fields");
                }));
        response.path("a0").pathDoesNotExist();
    }

    @Test
    void aliasedJobMutationsCannotQueueSeveralRunsInOneRequest() {
        for (String mutation : List.of(
                "mutation { a: refreshAnalytics { errors { code } } b: refreshAnalytics { errors { code } } }",
                "mutation { a: trainTicketClassifier { errors { code } } b: trainTicketClassifier { errors { code } } }")) {
            var response = clients.as(key(Role.ANALYST)).document(mutation).execute();
            response.errors()
                    .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                        assertThat(e.getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX");
                        assertThat(e.getMessage()).contains("time(s) per request");
                    }));
        }
        assertThat(cypher.read(
                        "MATCH (r:AnalyticsRun) RETURN count(r) AS n",
                        Map.of(),
                        r -> r.get("n").asLong()))
                .containsExactly(0L);
    }

    @Test
    void nestedListsArePricedAtTheirRealCapSoAHugeTreeIsRefusedUnderTheOldEstimate() {
        // 50 customers, each list priced at the nested-list cap: orders, their lines, each product's buyers and
        // their orders; the old estimate priced each nested list at a tenth of its cap
        var response = clients.as(key(Role.READ_ONLY))
                .document("{ customers(first: 50) { edges { node { orders { lines { product { buyers { customer { "
                        + "orders { id } } } } } } } } } }")
                .execute();
        response.errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX");
                    int cap = 10; // crm.paging.nested-list-limit in the test profile
                    assertThat((Integer) e.getExtensions().get("actual"))
                            .isGreaterThanOrEqualTo(50 * cap * cap * cap * cap);
                }));
    }

    @Test
    void everyAnswerSaysWhatItCostAndWhatTheLimitIs() {
        clients.http()
                .defaultHeader("Authorization", "Bearer " + key(Role.READ_ONLY))
                .build()
                .post()
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ customer(id: \"c1\") { id orders { id } } }"))
                .exchange()
                .expectBody()
                .jsonPath("$.data.customer.id")
                .isEqualTo("c1")
                // 1 for the customer, 1 for its id, and its orders: 1 + their cap of 10 (test profile) times 1 for id
                .jsonPath("$.extensions.cost.estimated")
                .isEqualTo(13)
                .jsonPath("$.extensions.cost.limit")
                .isEqualTo(200000);
    }

    @Test
    void aDocumentPricedOnceIsPricedAgainWhenAVariableFeedingFirstGrows() {
        String document = "query($first: Int, $id: ID!) { customer(id: $id) { id } a: products(first: $first) "
                + "{ edges { node { buyers { customer { orders { lines { product { buyers { quantity } } } } } } } } } }";
        String key = key(Role.READ_ONLY);
        clients.as(key)
                .document(document)
                .variable("first", 1)
                .variable("id", "c1")
                .execute()
                .path("customer.id")
                .entity(String.class)
                .isEqualTo("c1");
        // the same text, another id: accepted from the remembered price; a larger page: priced anew and refused
        clients.as(key)
                .document(document)
                .variable("first", 1)
                .variable("id", "c2")
                .execute()
                .path("customer.id")
                .entity(String.class)
                .isEqualTo("c2");
        singleError(
                clients.as(key)
                        .document(document)
                        .variable("first", 50)
                        .variable("id", "c1")
                        .execute(),
                "QUERY_TOO_COMPLEX",
                null);
    }

    @Test
    void tooManyFieldsInOneRequestAreRefused() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 600; i++) {
            query.append(" a").append(i).append(": customer(id: \"c1\") { id }");
        }
        var response = clients.as(key(Role.READ_ONLY))
                .document(query.append(" }").toString())
                .execute();
        response.errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX");
                    assertThat(e.getMessage()).contains("crm.graphql.max-fields");
                }));
    }

    @Test
    void aRequestBodyPastItsBoundIsRefusedBeforeItIsRead() {
        String padding = " ".repeat(300 * 1024);
        clients.http()
                .defaultHeader("Authorization", "Bearer " + key(Role.READ_ONLY))
                .build()
                .post()
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ customer(id: \\\"c1\\\") { id } }" + padding + "\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.errors[0].message")
                .value(m -> assertThat((String) m).contains("crm.graphql.max-request-bytes"));
    }

    // ------------------------------------------------------------------ free text

    @Test
    void freeTextShowsAMaskedRoleNoContactDetailsAndNotTheCustomersName() {
        cypher.write("""
                MATCH (t:Ticket {id: 't2'})
                SET t.subject = 'Alice Archer: where is my laptop?',
                    t.body = 'Call me on +44 20 7946 0958 or write to alice.archer@example.com. Thanks, alice',
                    t.resolution = 'Sent to ALICE at alice@example.com'
                WITH t
                MATCH (c:Customer {id: 'c1'})
                CREATE (c)-[:HAD]->(:Interaction {id: 'i-free', channel: 'CHAT', type: 'chat_session',
                        occurredAt: datetime(), text: 'Archer asked to be called on 020 7946 0958'})
                """, Map.of());
        String query = "{ ticket(id: \"t2\") { subject body resolution } "
                + "interactions(filter: {customerId: \"c1\"}, first: 10) { edges { node { id text } } } }";
        for (Role role : List.of(Role.READ_ONLY, Role.ANALYST)) {
            var response = clients.as(key(role)).document(query).execute();
            response.path("ticket.subject").entity(String.class).isEqualTo("[name] [name]: where is my laptop?");
            response.path("ticket.body")
                    .entity(String.class)
                    .isEqualTo("Call me on [phone] or write to [e-mail]. Thanks, [name]");
            response.path("ticket.resolution").entity(String.class).isEqualTo("Sent to [name] at [e-mail]");
            response.path("interactions.edges[*].node.text")
                    .entityList(String.class)
                    .contains("[name] asked to be called on [phone]");
        }
        clients.as(key(Role.AGENT))
                .document(query)
                .execute()
                .path("ticket.body")
                .entity(String.class)
                .isEqualTo("Call me on +44 20 7946 0958 or write to alice.archer@example.com. Thanks, alice");
    }

    // ------------------------------------------------------------------ the embedded database and health

    @Test
    void loadCsvCannotReadLocalFilesThroughTheDatabase() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        cypher.read("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row LIMIT 1", Map.of(), r -> r))
                .hasMessageContaining("file");
    }

    @Test
    void fiftyAnonymousHealthProbesCostAtMostOneCheckOfTheModelAndTheDatabase() {
        long modelBefore = model.checksRun();
        long neo4jBefore = neo4j.checksRun();
        for (int i = 0; i < 50; i++) {
            clients.root()
                    .build()
                    .get()
                    .uri("/actuator/health/readiness")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP")
                    .jsonPath("$.components.model.details")
                    .doesNotExist();
        }
        assertThat(model.checksRun() - modelBefore).isLessThanOrEqualTo(1);
        assertThat(neo4j.checksRun() - neo4jBefore).isLessThanOrEqualTo(1);
    }

    // ------------------------------------------------------------------ erasure that stays erased

    @Test
    void reImportingAnErasedCustomerBringsNothingPersonalBackAndReportsTheRowsAsErased() throws Exception {
        String csv = """
                id,name,email,phone,country,city,updated_at
                er-1,Erin Eraseme,erin@example.com,+442079460001,GB,York,
                er-2,Otto Other,otto@example.com,,DE,Bonn,
                """;
        ImportFiles.write("erase-me.csv", csv, T1);
        String steward = key(Role.DATA_STEWARD);
        String firstJob = runImport(steward, "erase-me.csv");
        assertThat(status(steward, firstJob)).isEqualTo("SUCCEEDED");
        String customerId = cypher.read(
                        "MATCH (:SourceRecord {key: 'crm:id:er-1'})-[:RESOLVED_TO]->(c:Customer) RETURN c.id AS id",
                        Map.of(),
                        r -> r.get("id").asString())
                .getFirst();

        clients.as(clients.adminKey())
                .document("mutation($id: ID!) { eraseCustomer(id: $id) { customerId errors { code } } }")
                .variable("id", customerId)
                .execute()
                .path("eraseCustomer.errors")
                .entityList(Object.class)
                .hasSize(0);

        // the attack: the same file again, and the same person from another source with the same e-mail
        ImportFiles.write(
                "erase-me-again.csv", csv + "shop-9,Erin E.,ERIN@example.com,,GB,Leeds,\n", T1.plusSeconds(60));
        String secondJob = runImport(steward, "erase-me-again.csv");
        var job = clients.as(steward)
                .document("query($id: ID!) { importJob(id: $id) { status rowsImported rowsRejected reportFile } }")
                .variable("id", secondJob)
                .execute();
        job.path("importJob.status").entity(String.class).isEqualTo("SUCCEEDED");
        job.path("importJob.rowsImported").entity(Integer.class).isEqualTo(1);
        job.path("importJob.rowsRejected").entity(Integer.class).isEqualTo(2);

        var customer = clients.as(clients.adminKey())
                .document("query($id: ID!) { customer(id: $id) { name email phone city } }")
                .variable("id", customerId)
                .execute();
        for (String field : List.of("name", "email", "phone", "city")) {
            customer.path("customer." + field).valueIsNull();
        }
        assertThat(cypher.read(
                        "MATCH (n) WHERE any(k IN keys(n) WHERE n[k] IN ['erin@example.com', 'Erin Eraseme', 'Erin E.',"
                                + " '+442079460001']) RETURN count(n) AS n",
                        Map.of(),
                        r -> r.get("n").asLong()))
                .as("nothing anywhere in the graph holds the erased values")
                .containsExactly(0L);
        String report = Files.readString(java.nio.file.Path.of(
                job.path("importJob.reportFile").entity(String.class).get()));
        assertThat(report).contains("ERASED").doesNotContain("erin@example.com").doesNotContain("Eraseme");
        // the other person in the file came through
        assertThat(cypher.read(
                        "MATCH (c:Customer {email: 'otto@example.com'}) RETURN c.name AS n",
                        Map.of(),
                        r -> r.get("n").asString()))
                .containsExactly("Otto Other");
    }

    @Test
    void anErasedPersonCannotBeCreatedUpdatedOntoOrMergedBack() {
        cypher.write("MATCH (c:Customer {id: 'c1'}) SET c.phone = '+442079460958'", Map.of());
        clients.as(clients.adminKey())
                .document("mutation { eraseCustomer(id: \"c1\") { customerId } }")
                .execute();
        String steward = key(Role.DATA_STEWARD);
        var created = clients.as(steward)
                .document("mutation { createCustomer(input: {name: \"Alice A\", email: \"Alice@Example.com\", phone: "
                        + "\"+442079460958\"}) { customer { id } errors { field code } } }")
                .execute();
        created.path("createCustomer.customer").valueIsNull();
        created.path("createCustomer.errors[*].code").entityList(String.class).containsExactly("ERASED", "ERASED");
        created.path("createCustomer.errors[0].field").entityList(String.class).containsExactly("email");
        created.path("createCustomer.errors[1].field").entityList(String.class).containsExactly("phone");

        var updated = clients.as(steward)
                .document(
                        "mutation { updateCustomer(id: \"c1\", input: {name: \"Alice Again\"}) { errors { field code } } }")
                .execute();
        updated.path("updateCustomer.errors[0].code").entity(String.class).isEqualTo("ERASED");
        updated.path("updateCustomer.errors[0].field").entityList(String.class).containsExactly("id");

        var merged = clients.as(steward)
                .document(
                        "mutation { mergeCustomers(input: {survivorId: \"c2\", mergedId: \"c1\"}) { errors { field code } } }")
                .execute();
        merged.path("mergeCustomers.errors[0].code").entity(String.class).isEqualTo("ERASED");
        assertThat(cypher.read(
                        "MATCH (c:Customer {id: 'c1'}) RETURN c.name AS n",
                        Map.of(),
                        r -> r.get("n").isNull()))
                .containsExactly(true);
    }

    @Test
    void erasureRemovesTicketResolutionsSoNoEmbeddingPassMakesThemAnswerableAgain() {
        clients.as(clients.adminKey())
                .document("mutation { eraseCustomer(id: \"c1\") { customerId } }")
                .execute();
        assertThat(cypher.read(
                        "MATCH (:Customer {id: 'c1'})-[:RAISED]->(t:Ticket) RETURN t.resolution AS r, t.answerable AS a",
                        Map.of(),
                        r -> List.of(r.get("r").isNull(), r.get("a").asBoolean(false))))
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row).containsExactly(true, false));
    }

    @Test
    void anErasedCustomersTicketsCannotBeFoundByTheirWordsAnyMore() {
        // as an embedding pass leaves resolved tickets: answer sources, in the full-text index
        cypher.write("""
                MATCH (:Customer {id: 'c1'})-[:RAISED]->(t:Ticket)
                SET t.subject = 'Zebracorn warranty question', t.resolution = 'Replaced', t.status = 'RESOLVED',
                    t.answerable = true, t:AnswerableTicket
                """, Map.of());
        String search = "CALL db.index.fulltext.queryNodes('answerable_ticket_text', 'zebracorn') YIELD node"
                + " RETURN count(node) AS n";
        assertThat(cypher.read(search, Map.of(), r -> r.get("n").asLong()))
                .containsExactly(cypher.read(
                                "MATCH (:Customer {id: 'c1'})-[:RAISED]->(t:Ticket) RETURN count(t) AS n",
                                Map.of(),
                                r -> r.get("n").asLong())
                        .getFirst());

        clients.as(clients.adminKey())
                .document("mutation { eraseCustomer(id: \"c1\") { customerId } }")
                .execute();

        assertThat(cypher.read(search, Map.of(), r -> r.get("n").asLong())).containsExactly(0L);
        assertThat(cypher.read(
                        "MATCH (:Customer {id: 'c1'})-[:RAISED]->(t:AnswerableTicket) RETURN count(t) AS n",
                        Map.of(),
                        r -> r.get("n").asLong()))
                .containsExactly(0L);
    }

    @Test
    void deleteCustomerLeavesNoOrphanedSourceRecordsOrQuestionsAndTheyStayErased() {
        cypher.write("""
                MATCH (c:Customer {id: 'c1'})
                CREATE (:SourceRecord {key: 'shop:7', source: 'shop', email: 'alice@example.com', name: 'Alice Archer'})
                       -[:RESOLVED_TO]->(c),
                       (c)-[:ASKED]->(:SupportQuery {id: 'q-del', question: 'I am Alice Archer, where is my order?',
                                                     askedAt: datetime()})
                """, Map.of());
        clients.as(key(Role.DATA_STEWARD))
                .document("mutation { deleteCustomer(id: \"c1\") { errors { code } } }")
                .execute()
                .path("deleteCustomer.errors")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(cypher.read(
                        "MATCH (s:SourceRecord {key: 'shop:7'}) RETURN count(s) AS n",
                        Map.of(),
                        r -> r.get("n").asLong()))
                .containsExactly(0L);
        assertThat(cypher.read(
                        "MATCH (q:SupportQuery {id: 'q-del'}) RETURN q.question AS q",
                        Map.of(),
                        r -> r.get("q").asString()))
                .allSatisfy(q -> assertThat(q).doesNotContain("Alice"));
        var created = clients.as(key(Role.DATA_STEWARD))
                .document(
                        "mutation { createCustomer(input: {name: \"A\", email: \"alice@example.com\"}) { errors { code } } }")
                .execute();
        created.path("createCustomer.errors[0].code").entity(String.class).isEqualTo("ERASED");
    }

    @Test
    void anAnswerLoggedInTheBackgroundAfterAnErasureKeepsNothingOfTheQuestion() {
        clients.as(clients.adminKey())
                .document("mutation { eraseCustomer(id: \"c1\") { customerId } }")
                .execute();
        // the answer is given now; its log entry is written later by a background thread, after the erasure
        String answerId = clients.as(key(Role.AGENT))
                .document("{ answerSupportQuery(question: \"Alice Archer here: my headphones will not pair\", "
                        + "customerId: \"c1\") { id } }")
                .execute()
                .path("answerSupportQuery.id")
                .entity(String.class)
                .get();
        answerLog.flush();
        assertThat(cypher.read(
                        "MATCH (q:SupportQuery {id: $id}) RETURN q.question AS question, "
                                + "EXISTS { (q)<-[:ASKED]-() } AS linked, q.embedding IS NULL AS noVector",
                        Map.of("id", answerId),
                        r -> List.of(
                                r.get("question").asString(),
                                r.get("linked").asBoolean(),
                                r.get("noVector").asBoolean())))
                .singleElement()
                .satisfies(row -> assertThat(row).containsExactly("[erased]", false, true));
    }

    private String runImport(String key, String file) {
        String jobId = clients.as(key)
                .document("mutation($file: String!) { startImport(input: {file: $file, mapping: \"customers-csv\", "
                        + "type: CUSTOMERS}) { jobId errors { code message } } }")
                .variable("file", file)
                .execute()
                .path("startImport.jobId")
                .entity(String.class)
                .get();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> List.of("SUCCEEDED", "FAILED").contains(status(key, jobId)));
        return jobId;
    }

    private String status(String key, String jobId) {
        return clients.as(key)
                .document("query($id: ID!) { importJob(id: $id) { status } }")
                .variable("id", jobId)
                .execute()
                .path("importJob.status")
                .entity(String.class)
                .get();
    }
}
