package org.crmgraph.api.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crmgraph.api.FixtureGraphTest;
import org.crmgraph.api.TestClients;
import org.crmgraph.graph.fixture.ImportFiles;
import org.crmgraph.graph.security.ApiKeyStore;
import org.crmgraph.graph.security.Role;
import org.crmgraph.importer.ImportProgressListener;
import org.crmgraph.importer.ImportRequest;
import org.crmgraph.importer.ImportService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The review workflow over GraphQL: the queue with its evidence, a steward's decision, unmerge, and who may. */
class DuplicateReviewApiIT extends FixtureGraphTest {

    private static final Instant T1 = Instant.parse("2026-01-10T00:00:00Z");
    private static final String HEADER =
            "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth,"
                    + " soc_sec_id\n";
    private static final String QUEUE = """
            query Queue($after: String) {
              duplicateCandidates(first: 1, after: $after) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges { node { id probability status evidence { field level weight }
                               customers { id givenName familyName birthDate postcode
                                           sourceRecords { source externalId } } } }
              }
            }
            """;
    private static final String RESOLVE = """
            mutation Resolve($input: ResolveDuplicateInput!) {
              resolveDuplicate(input: $input) {
                candidate { id status decidedBy }
                customer { id givenName sourceRecords { source externalId } }
                errors { field code message }
              }
            }
            """;
    private static final String UNMERGE = """
            mutation Unmerge($id: ID!) {
              unmergeCustomer(id: $id) { customers { id familyName } errors { field code message } }
            }
            """;

    @Autowired
    ImportService imports;

    @Autowired
    TestClients clients;

    @Autowired
    ApiKeyStore keys;

    @BeforeEach
    void twoSources() {
        Path shop = ImportFiles.write("api-shop-people.csv", HEADER + """
                a1, jon, smith, 12, main street, , riverside, 2000, nsw, 19800101,
                a2, anna, taylor, 5, oak avenue, , hillview, 3000, vic, 19900505,
                a3, emma, taylor, 5, oak avenue, , hillview, 3000, vic, 19900505,
                a9, john, doe, , , , perth, , , ,
                """, T1);
        Path helpdesk = ImportFiles.write("api-helpdesk-people.csv", HEADER + """
                b1, john, smyth, 12, main st, , riverside, 2000, nsw, 19800101,
                b9, john, doe, , , , sydney, , , ,
                """, T1);
        imports.run(new ImportRequest(shop, "febrl", null, false, null, "shop"), ImportProgressListener.NONE);
        imports.run(new ImportRequest(helpdesk, "febrl", null, false, null, "helpdesk"), ImportProgressListener.NONE);
    }

    @Test
    void aStewardPagesThroughTheQueueWithEvidenceAndDecides() {
        var first = graphQl.document(QUEUE).execute();
        first.path("duplicateCandidates.totalCount").entity(Integer.class).isEqualTo(2);
        first.path("duplicateCandidates.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(true);
        first.path("duplicateCandidates.edges[0].node.customers")
                .entityList(Object.class)
                .hasSize(2);
        first.path("duplicateCandidates.edges[0].node.evidence[*].field")
                .entityList(String.class)
                .contains("GIVEN_NAME", "FAMILY_NAME", "BIRTH_DATE");
        double p1 = first.path("duplicateCandidates.edges[0].node.probability")
                .entity(Double.class)
                .get();
        String cursor = first.path("duplicateCandidates.pageInfo.endCursor")
                .entity(String.class)
                .get();
        var second = graphQl.document(QUEUE).variable("after", cursor).execute();
        second.path("duplicateCandidates.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(false);
        assertThat(second.path("duplicateCandidates.edges[0].node.probability")
                        .entity(Double.class)
                        .get())
                .isLessThanOrEqualTo(p1);

        // the Doe pair: the same name in two cities
        String doe = List.of(first, second).stream()
                .map(r -> r.path("duplicateCandidates.edges[0].node")
                        .entity(Map.class)
                        .get())
                .filter(node ->
                        node.toString().contains("doe") || node.toString().contains("Doe"))
                .map(node -> (String) node.get("id"))
                .findFirst()
                .orElseThrow();
        var same = graphQl.document(RESOLVE)
                .variable("input", Map.of("candidateId", doe, "decision", "SAME"))
                .execute();
        same.path("resolveDuplicate.errors").entityList(Object.class).hasSize(0);
        same.path("resolveDuplicate.candidate.status").entity(String.class).isEqualTo("SAME");
        same.path("resolveDuplicate.customer.sourceRecords[*].source")
                .entityList(String.class)
                .containsExactly("helpdesk", "shop");
        String customer =
                same.path("resolveDuplicate.customer.id").entity(String.class).get();
        graphQl.document(QUEUE)
                .execute()
                .path("duplicateCandidates.totalCount")
                .entity(Integer.class)
                .isEqualTo(1);

        // decided once: the second decision names who decided
        graphQl.document(RESOLVE)
                .variable("input", Map.of("candidateId", doe, "decision", "DIFFERENT"))
                .execute()
                .path("resolveDuplicate.errors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE");
        graphQl.document(RESOLVE)
                .variable("input", Map.of("candidateId", "dup-nope", "decision", "SAME"))
                .execute()
                .path("resolveDuplicate.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");

        // the steward was wrong: unmerge gives each source its person back
        var split = graphQl.document(UNMERGE).variable("id", customer).execute();
        split.path("unmergeCustomer.errors").entityList(Object.class).hasSize(0);
        split.path("unmergeCustomer.customers").entityList(Object.class).hasSize(2);
        graphQl.document(UNMERGE)
                .variable("id", customer)
                .execute()
                .path("unmergeCustomer.errors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE");
    }

    @Test
    void aCustomerCreatedThroughTheApiIsMatchedAndItsLikelyDuplicateWaitsForReview() {
        String create = """
                mutation Create($input: CreateCustomerInput!) {
                  createCustomer(input: $input) {
                    customer { id givenName familyName birthDate sourceRecords { source } }
                    errors { field code message }
                  }
                }
                """;
        var created = graphQl.document(create)
                .variable(
                        "input",
                        Map.of(
                                "name", "Jon Smith",
                                "givenName", "Jon",
                                "familyName", "Smith",
                                "street", "12 Main Street",
                                "postcode", "2000",
                                "city", "Riverside",
                                "birthDate", "1980-01-01"))
                .execute();
        created.path("createCustomer.errors").entityList(Object.class).hasSize(0);
        created.path("createCustomer.customer.birthDate").entity(String.class).isEqualTo("1980-01-01");
        created.path("createCustomer.customer.sourceRecords[0].source")
                .entity(String.class)
                .isEqualTo("api");
        String id =
                created.path("createCustomer.customer.id").entity(String.class).get();
        // near-certain, yet not merged: the caller holds the new id
        var queue = graphQl.document(QUEUE).execute();
        queue.path("duplicateCandidates.totalCount").entity(Integer.class).isEqualTo(3);
        assertThat(cypher.read(
                        "MATCH (:Customer {id: $id})<-[:CANDIDATE]-(d:DuplicateCandidate) RETURN d.probability AS p",
                        Map.of("id", id),
                        r -> r.get("p").asDouble()))
                .singleElement()
                .satisfies(p -> assertThat(p).isGreaterThan(0.99));

        graphQl.document(create)
                .variable("input", Map.of("name", "Ann Other", "birthDate", "1980-13-01"))
                .execute()
                .path("createCustomer.errors[0]")
                .entity(Map.class)
                .satisfies(error -> {
                    assertThat(error.get("code")).isEqualTo("INVALID_FORMAT");
                    assertThat(String.valueOf(error.get("field"))).contains("birthDate");
                });
    }

    @Test
    void onlyStewardsSeeTheQueueAndOthersSeeTheNewPersonalFieldsMasked() {
        String agent = keys.create("dup agent", Role.AGENT, "test").secret();
        String analyst = keys.create("dup analyst", Role.ANALYST, "test").secret();
        clients.as(agent)
                .document(QUEUE)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(
                                e -> assertThat(e.getExtensions().get("code")).isEqualTo("FORBIDDEN")));
        clients.as(agent)
                .document(UNMERGE)
                .variable("id", "c1")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());

        String query = """
                query Who($source: String!, $id: ID!) {
                  customerBySourceId(source: $source, externalId: $id) {
                    givenName familyName street postcode region birthDate
                  }
                }
                """;
        var seen = clients.as(agent)
                .document(query)
                .variable("source", "shop")
                .variable("id", "a2")
                .execute();
        seen.path("customerBySourceId.givenName").entity(String.class).isEqualTo("Anna");
        seen.path("customerBySourceId.birthDate").entity(String.class).isEqualTo("1990-05-05");
        var masked = clients.as(analyst)
                .document(query)
                .variable("source", "shop")
                .variable("id", "a2")
                .execute();
        masked.path("customerBySourceId.givenName").entity(String.class).isEqualTo("A.");
        masked.path("customerBySourceId.familyName").entity(String.class).isEqualTo("T.");
        for (String field : List.of("street", "postcode", "region", "birthDate")) {
            masked.path("customerBySourceId." + field).entity(String.class).isEqualTo("•••");
        }
    }
}
