package org.crmgraph.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.crmgraph.api.CrmIntegrationTest;
import org.crmgraph.api.TestClients;
import org.crmgraph.api.cli.Command;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.fixture.GraphFixture;
import org.crmgraph.graph.security.ApiKeyStore;
import org.crmgraph.graph.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Authentication, key lifecycle, masking of personal data, the audit trail, export and erasure, over HTTP. */
@CrmIntegrationTest
class SecurityIT {

    private static final String CUSTOMER = "{ customer(id: \"c1\") { name email phone city country } }";

    @Autowired
    TestClients clients;

    @Autowired
    CypherRunner cypher;

    @Autowired
    ApiKeyStore keys;

    @Autowired
    List<Command> commands;

    @BeforeEach
    void graph() {
        GraphFixture.crm(cypher);
        cypher.write("""
                MATCH (c:Customer {id: 'c1'}) SET c.phone = '+442079460958'
                CREATE (:SourceRecord {key: 'shop:7', source: 'shop', externalId: '7', email: 'alice@example.com', name: 'Alice Archer'})
                       -[:RESOLVED_TO]->(c)
                """, Map.of());
    }

    private String key(Role role) {
        return keys.create("security test " + role, role, "test").secret();
    }

    @Test
    void anonymousGraphQlRequestsGet401WithAClearError() {
        clients.http()
                .build()
                .post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", CUSTOMER))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer")
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.errors[0].message")
                .value(m -> assertThat((String) m).contains("Authorization: Bearer"));
        assertThat(cypher.read(
                        "MATCH (e:AuditEvent) RETURN count(e)",
                        Map.of(),
                        r -> r.get(0).asLong()))
                .containsExactly(0L);
    }

    @Test
    void wrongMalformedAndRevokedKeysGet401() {
        String agent = key(Role.AGENT);
        String wrongSecret = agent.substring(0, agent.length() - 4) + "AAAA";
        for (String bad : List.of(wrongSecret, "crm_nonsense", "crm_ffffffffffff_" + "A".repeat(43))) {
            clients.http()
                    .defaultHeader("Authorization", "Bearer " + bad)
                    .build()
                    .post()
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", CUSTOMER))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .jsonPath("$.errors[0].message")
                    .isEqualTo("The API key is not valid: unknown, revoked or mistyped.");
        }
        clients.as(agent)
                .document(CUSTOMER)
                .execute()
                .path("customer.name")
                .entity(String.class)
                .isEqualTo("Alice Archer");
        String id = agent.substring(4, 16);
        clients.as(clients.adminKey())
                .document(
                        "mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { id revokedAt revokedBy } errors { code } } }")
                .variable("id", id)
                .execute()
                .path("revokeApiKey.apiKey.revokedBy")
                .entity(String.class)
                .isEqualTo("key:00000000a11c (provisioned admin)");
        clients.http()
                .defaultHeader("Authorization", "Bearer " + agent)
                .build()
                .post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", CUSTOMER))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void theKeyWorksAsXApiKeyHeaderToo() {
        clients.http()
                .defaultHeader("X-API-Key", key(Role.READ_ONLY))
                .build()
                .post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ customer(id: \"c1\") { id } }"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.customer.id")
                .isEqualTo("c1");
    }

    @Test
    void anAdminCreatesAKeyWhoseSecretIsShownOnceAndWorksWithItsRole() {
        var created = clients.as(clients.adminKey())
                .document(
                        "mutation { createApiKey(input: {name: \"shop front end\", role: AGENT}) { apiKey { id name role createdBy } secret errors { code } } }")
                .execute();
        String secret = created.path("createApiKey.secret").entity(String.class).get();
        created.path("createApiKey.apiKey.role").entity(String.class).isEqualTo("AGENT");
        assertThat(secret).startsWith("crm_");
        // only the hash is stored
        assertThat(cypher.read(
                        "MATCH (k:ApiKey) WHERE any(p IN keys(k) WHERE k[p] = $secret) RETURN count(k)",
                        Map.of("secret", secret),
                        r -> r.get(0).asLong()))
                .containsExactly(0L);
        clients.as(secret)
                .document("{ apiKeys { id } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN"))
                        .satisfies(e -> assertThat(e.getMessage())
                                .isEqualTo("Role AGENT may not use Query.apiKeys; it needs ADMIN.")));
        clients.as(clients.adminKey())
                .document(
                        "mutation { createApiKey(input: {name: \"  \", role: AGENT}) { secret errors { field code } } }")
                .execute()
                .path("createApiKey.errors[0].code")
                .entity(String.class)
                .isEqualTo("REQUIRED")
                .path("createApiKey.secret")
                .valueIsNull();
    }

    @Test
    void personalDataIsMaskedForAnalystsAndReadOnlyButNotForAgentsAndStewards() {
        for (Role role : List.of(Role.AGENT, Role.DATA_STEWARD, Role.ADMIN)) {
            var customer = clients.as(role == Role.ADMIN ? clients.adminKey() : key(role))
                    .document(CUSTOMER)
                    .execute();
            customer.path("customer.name").entity(String.class).isEqualTo("Alice Archer");
            customer.path("customer.email").entity(String.class).isEqualTo("alice@example.com");
            customer.path("customer.phone").entity(String.class).isEqualTo("+442079460958");
            customer.path("customer.city").entity(String.class).isEqualTo("London");
        }
        for (Role role : List.of(Role.ANALYST, Role.READ_ONLY)) {
            var customer = clients.as(key(role)).document(CUSTOMER).execute();
            customer.path("customer.name").entity(String.class).isEqualTo("A. A.");
            customer.path("customer.email").entity(String.class).isEqualTo("a•••@e•••.com");
            customer.path("customer.phone").entity(String.class).isEqualTo("+••••••••••58");
            customer.path("customer.city").entity(String.class).isEqualTo("•••");
            customer.path("customer.country").entity(String.class).isEqualTo("GB");
            // masked in lists and nested objects too: the rule is on the field, not on the query
            clients.as(key(role))
                    .document(
                            "{ customers(first: 50) { edges { node { email } } } ticket(id: \"t1\") { customer { email } } }")
                    .execute()
                    .path("customers.edges[*].node.email")
                    .entityList(String.class)
                    .satisfies(emails -> assertThat(emails)
                            .isNotEmpty()
                            .allSatisfy(e -> assertThat(e).doesNotContain("example")))
                    .path("ticket.customer.email")
                    .entity(String.class)
                    .isEqualTo("a•••@e•••.com");
        }
    }

    @Test
    void aFieldCanBeClosedToARoleWhileTheRestOfItsObjectIsServed() {
        cypher.write("""
                CREATE (:ImportJob {id: 'imp-1', mapping: 'customers', type: 'customers', file: 'crm.csv', dryRun: false,
                                    status: 'SUCCEEDED', startedAt: datetime(), updatedAt: datetime(), finishedAt: datetime(),
                                    reportFile: '/srv/crm/import-reports/imp-1.csv'})
                """, Map.of());
        String query = "{ importJob(id: \"imp-1\") { id status reportFile } }";
        clients.as(key(Role.READ_ONLY))
                .document(query)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN");
                    assertThat(e.getPath()).isEqualTo("importJob.reportFile");
                }))
                .path("importJob.id")
                .entity(String.class)
                .isEqualTo("imp-1")
                .path("importJob.reportFile")
                .valueIsNull();
        clients.as(key(Role.DATA_STEWARD))
                .document(query)
                .execute()
                .path("importJob.reportFile")
                .entity(String.class)
                .isEqualTo("/srv/crm/import-reports/imp-1.csv");
    }

    @Test
    void everyMutationLeavesAnAuditEventWithActorTargetFieldsAndOutcomeButNoValues() {
        String steward = key(Role.DATA_STEWARD);
        String stewardId = "key:" + steward.substring(4, 16) + " (security test DATA_STEWARD)";
        clients.as(steward)
                .document(
                        "mutation { updateCustomer(id: \"c1\", input: {email: \"new@example.com\"}) { errors { code } } }")
                .execute()
                .path("updateCustomer.errors")
                .entityList(Object.class)
                .hasSize(0);
        clients.as(steward)
                .document(
                        "mutation { updateCustomer(id: \"c1\", input: {email: \"not an email\"}) { errors { code } } }")
                .execute()
                .path("updateCustomer.errors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_FORMAT");
        clients.as(key(Role.READ_ONLY))
                .document("mutation { deleteCustomer(id: \"c2\") { deletedId } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).hasSize(1));
        var events = clients.as(clients.adminKey())
                .document(
                        "{ auditEvents(first: 10) { totalCount edges { node { actor role operation target fields outcome detail } } } }")
                .execute();
        events.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(3);
        Map<String, Object> expected = new java.util.HashMap<>(Map.of(
                "actor",
                stewardId,
                "role",
                "DATA_STEWARD",
                "operation",
                "updateCustomer",
                "target",
                "c1",
                "fields",
                List.of("id", "input.email"),
                "outcome",
                "OK"));
        expected.put("detail", null);
        events.path("auditEvents.edges[2].node").entity(Map.class).isEqualTo(expected);
        events.path("auditEvents.edges[1].node.outcome")
                .entity(String.class)
                .isEqualTo("REJECTED")
                .path("auditEvents.edges[1].node.detail")
                .entity(String.class)
                .isEqualTo("INVALID_FORMAT")
                .path("auditEvents.edges[0].node.outcome")
                .entity(String.class)
                .isEqualTo("DENIED")
                .path("auditEvents.edges[0].node.role")
                .entity(String.class)
                .isEqualTo("READ_ONLY");
        // the trail names fields, never values
        assertThat(cypher.read(
                        "MATCH (e:AuditEvent) RETURN properties(e) AS e",
                        Map.of(),
                        r -> r.get(0).asMap().toString()))
                .hasSize(3)
                .noneMatch(e -> e.contains("example.com") || e.contains("not an email"));
        // a created record is the target of its creation
        String created = clients.as(steward)
                .document("mutation { createCustomer(input: {name: \"Nina New\"}) { customer { id } } }")
                .execute()
                .path("createCustomer.customer.id")
                .entity(String.class)
                .get();
        clients.as(clients.adminKey())
                .document(
                        "{ auditEvents(first: 1, filter: {operation: \"createCustomer\"}) { edges { node { target } } } }")
                .execute()
                .path("auditEvents.edges[0].node.target")
                .entity(String.class)
                .isEqualTo(created);
        clients.as(clients.adminKey())
                .document("{ auditEvents(filter: {actor: \"nobody\"}) { totalCount } }")
                .execute()
                .path("auditEvents.totalCount")
                .entity(Integer.class)
                .isEqualTo(0);
    }

    @Test
    void anAdminExportsEverythingAboutACustomerAndTheExportIsAudited() throws Exception {
        var export = clients.as(clients.adminKey())
                .document("{ exportCustomerData(id: \"c1\") { customerId format json } }")
                .execute();
        String json =
                export.path("exportCustomerData.json").entity(String.class).get();
        @SuppressWarnings("unchecked")
        Map<String, Object> document = JsonMapper.builder().build().readValue(json, Map.class);
        assertThat(document)
                .containsKeys(
                        "customer",
                        "sourceRecords",
                        "orders",
                        "tickets",
                        "interactions",
                        "supportQuestions",
                        "segments");
        assertThat((Map<String, Object>) document.get("customer"))
                .containsEntry("email", "alice@example.com")
                .containsEntry("phone", "+442079460958");
        assertThat((List<?>) document.get("orders")).hasSize(2);
        assertThat((List<?>) document.get("tickets")).hasSize(2);
        assertThat((List<?>) document.get("sourceRecords")).hasSize(1);
        assertThat(json).doesNotContain("embedding");
        assertThat(cypher.read(
                        "MATCH (e:AuditEvent {operation: 'exportCustomerData', target: 'c1', outcome: 'OK'}) RETURN count(e)",
                        Map.of(),
                        r -> r.get(0).asLong()))
                .containsExactly(1L);
        clients.as(clients.adminKey())
                .document("{ exportCustomerData(id: \"nobody\") { json } }")
                .execute()
                .path("exportCustomerData")
                .valueIsNull();
    }

    @Test
    void erasureRemovesPersonalDataAndProvenanceButKeepsOrdersForAnalytics() {
        var erased = clients.as(clients.adminKey()).document("""
                mutation { eraseCustomer(id: "c1") { customerId sourceRecordsDeleted interactionsErased ticketsErased errors { code } } }
                """).execute();
        erased.path("eraseCustomer.customerId")
                .entity(String.class)
                .isEqualTo("c1")
                .path("eraseCustomer.sourceRecordsDeleted")
                .entity(Integer.class)
                .isEqualTo(1)
                .path("eraseCustomer.ticketsErased")
                .entity(Integer.class)
                .isEqualTo(2);
        var after = clients.as(clients.adminKey()).document("""
                { customer(id: "c1") { name email phone city country orders { id total } tickets { subject body resolution } } }
                """).execute();
        after.path("customer.name")
                .valueIsNull()
                .path("customer.email")
                .valueIsNull()
                .path("customer.phone")
                .valueIsNull()
                .path("customer.city")
                .valueIsNull()
                .path("customer.country")
                .entity(String.class)
                .isEqualTo("GB")
                .path("customer.orders")
                .entityList(Object.class)
                .hasSize(2)
                .path("customer.tickets[*].body")
                .entityList(String.class)
                .containsExactly("[erased]", "[erased]");
        assertThat(cypher.read(
                        "MATCH (s:SourceRecord) RETURN count(s)",
                        Map.of(),
                        r -> r.get(0).asLong()))
                .containsExactly(0L);
        assertThat(cypher.read(
                        "MATCH (:Customer {id: 'c1'})-[:HAD]->(i) WHERE i.text IS NOT NULL RETURN count(i)",
                        Map.of(),
                        r -> r.get(0).asLong()))
                .containsExactly(0L);
        // the other customers are untouched
        clients.as(clients.adminKey())
                .document("{ customer(id: \"c2\") { name } }")
                .execute()
                .path("customer.name")
                .entity(String.class)
                .isNotEqualTo(null);
        clients.as(clients.adminKey())
                .document("mutation { eraseCustomer(id: \"nobody\") { customerId errors { field code } } }")
                .execute()
                .path("eraseCustomer.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");
        clients.as(key(Role.DATA_STEWARD))
                .document("mutation { eraseCustomer(id: \"c2\") { customerId } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
    }

    @Test
    void theApiKeyCommandCreatesListsAndRevokesKeysAndRefusesBadArguments() {
        Result created = run("create", "--name", "ops laptop", "--role", "analyst");
        assertThat(created.status()).as(created.err()).isEqualTo(Command.OK);
        String secret = created.out().strip();
        assertThat(created.err()).contains("for role ANALYST", "shown only this once");
        clients.as(secret)
                .document("{ customer(id: \"c1\") { email } }")
                .execute()
                .path("customer.email")
                .entity(String.class)
                .isEqualTo("a•••@e•••.com");
        String id = secret.substring(4, 16);
        assertThat(run("list").out()).contains(id, "ANALYST", "ops laptop", "by command-line");
        assertThat(run("revoke", "--id", id).status()).isEqualTo(Command.OK);
        assertThat(run("list").out()).doesNotContain(id);
        assertThat(run("list", "--all").out()).contains(id, "REVOKED");
        clients.http()
                .defaultHeader("Authorization", "Bearer " + secret)
                .build()
                .post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", CUSTOMER))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(run("revoke", "--id", "000000000000").status()).isEqualTo(Command.FAILED);
        Result badRole = run("create", "--name", "x", "--role", "GOD");
        assertThat(badRole.status()).isEqualTo(Command.BAD_ARGUMENTS);
        assertThat(badRole.err())
                .contains("--role must be one of ADMIN, DATA_STEWARD, AGENT, ANALYST, READ_ONLY, not GOD");
        assertThat(run("create", "--role", "AGENT").status()).isEqualTo(Command.BAD_ARGUMENTS);
        assertThat(run("rotate").status()).isEqualTo(Command.BAD_ARGUMENTS);
        assertThat(cypher.read(
                        "MATCH (e:AuditEvent {actor: 'command-line'}) WITH e ORDER BY e.at RETURN e.operation + ':' + e.outcome AS event",
                        Map.of(),
                        r -> r.get(0).asString()))
                .containsExactly("createApiKey:OK", "revokeApiKey:OK", "revokeApiKey:REJECTED");
    }

    private record Result(int status, String out, String err) {}

    private Result run(String... arguments) {
        Command command = commands.stream()
                .filter(c -> c.name().equals("api-key"))
                .findFirst()
                .orElseThrow();
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int status = command.run(
                List.of(arguments),
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        return new Result(
                status,
                out.toString(java.nio.charset.StandardCharsets.UTF_8),
                err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
