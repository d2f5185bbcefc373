package org.crmgraph.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.crmgraph.importer.mapping.EntityType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Global ids, lookup by another system's id, upserts, idempotent retries, bulk ticket updates and the viewer. */
class IdentificationAndWritesIT extends FixtureGraphTest {

    @Autowired
    TestClients clients;

    @Autowired
    ApiKeyStore keys;

    @Autowired
    ImportService imports;

    private long count(String query) {
        return cypher.read(query, Map.of(), r -> r.get(0).asLong()).getFirst();
    }

    @Test
    void nodeFetchesAnythingByItsGlobalIdAndUnknownOrForgedIdsAreNull() {
        String customer = graphQl.document("{ customer(id: \"c1\") { globalId } }")
                .execute()
                .path("customer.globalId")
                .entity(String.class)
                .get();
        String order = graphQl.document("{ order(id: \"o1\") { globalId } }")
                .execute()
                .path("order.globalId")
                .entity(String.class)
                .get();
        assertThat(customer).isNotEqualTo(order).doesNotContain("c1");
        var nodes = graphQl.document("""
                query($ids: [ID!]!) { nodes(ids: $ids) { __typename globalId
                  ... on Customer { id name } ... on Order { id totalMoney { amount } } } }""")
                .variable("ids", List.of(customer, order, "bm90IGFuIGlk", "Q3VzdG9tZXI6bm9ib2R5"))
                .execute();
        nodes.path("nodes[0].id").entity(String.class).isEqualTo("c1");
        nodes.path("nodes[0].__typename").entity(String.class).isEqualTo("Customer");
        nodes.path("nodes[1].id").entity(String.class).isEqualTo("o1");
        nodes.path("nodes[1].totalMoney.amount").entity(String.class).isEqualTo("313.00");
        nodes.path("nodes[2]").valueIsNull();
        nodes.path("nodes[3]").valueIsNull();
    }

    @Test
    void aCustomerIsFoundByTheIdAnotherSystemGaveThemAndShowsTheirSourceRecords() {
        var file = ImportFiles.write("source-ids.csv", """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
                """, Instant.parse("2026-01-01T00:00:00Z"));
        imports.run(
                new ImportRequest(file, "online-retail", EntityType.ORDERS, false, null), ImportProgressListener.NONE);
        var found = graphQl.document("""
                { customerBySourceId(source: "online-retail", externalId: "17850") {
                    id sourceRecords { source externalId } orders { id } } }""").execute();
        found.path("customerBySourceId.sourceRecords[0]")
                .entity(Map.class)
                .isEqualTo(Map.of("source", "online-retail", "externalId", "17850"));
        found.path("customerBySourceId.orders[0].id").entity(String.class).isEqualTo("536365");
        graphQl.document("{ customerBySourceId(source: \"online-retail\", externalId: \"99999\") { id } }")
                .execute()
                .path("customerBySourceId")
                .valueIsNull();
    }

    @Test
    void upsertCreatesOnceThenUpdatesBySourceIdEmailOrPhone() {
        String upsert = """
                mutation($match: CustomerMatchInput!, $input: CreateCustomerInput!) {
                  upsertCustomer(match: $match, input: $input) { created customer { id name city email } errors { field code } } }""";
        Map<String, Object> bySource = Map.of("by", "SOURCE_ID", "source", "shop", "externalId", "A-17");
        var first = graphQl.document(upsert)
                .variable("match", bySource)
                .variable("input", Map.of("name", "Uma Upsert", "city", "Leeds"))
                .execute();
        first.path("upsertCustomer.created").entity(Boolean.class).isEqualTo(true);
        String id =
                first.path("upsertCustomer.customer.id").entity(String.class).get();
        var second = graphQl.document(upsert)
                .variable("match", bySource)
                .variable("input", Map.of("name", "Uma Upsert", "city", "York", "email", "uma@example.com"))
                .execute();
        second.path("upsertCustomer.created").entity(Boolean.class).isEqualTo(false);
        second.path("upsertCustomer.customer.id").entity(String.class).isEqualTo(id);
        second.path("upsertCustomer.customer.city").entity(String.class).isEqualTo("York");
        graphQl.document(upsert)
                .variable("match", Map.of("by", "EMAIL"))
                .variable("input", Map.of("name", "Uma U.", "email", "UMA@example.com"))
                .execute()
                .path("upsertCustomer.customer.id")
                .entity(String.class)
                .isEqualTo(id);
        assertThat(count("MATCH (c:Customer) WHERE c.name STARTS WITH 'Uma' RETURN count(c)"))
                .isOne();
        assertThat(count("MATCH (:SourceRecord {key: 'shop:id:A-17'})-[:RESOLVED_TO]->(c:Customer) RETURN count(c)"))
                .isOne();

        // an incomplete match names the field at fault
        var incomplete = graphQl.document(upsert)
                .variable("match", Map.of("by", "SOURCE_ID", "source", "shop"))
                .variable("input", Map.of("name", "X"))
                .execute();
        incomplete
                .path("upsertCustomer.errors[0].field")
                .entityList(String.class)
                .containsExactly("match", "externalId");
        incomplete.path("upsertCustomer.errors[0].code").entity(String.class).isEqualTo("REQUIRED");
        var badEmail = graphQl.document(upsert)
                .variable("match", Map.of("by", "EMAIL"))
                .variable("input", Map.of("name", "X", "email", "not-an-address"))
                .execute();
        badEmail.path("upsertCustomer.errors[0].field").entityList(String.class).containsExactly("input", "email");
    }

    @Test
    void aRetriedMutationWithTheSameIdempotencyKeyRunsOnceAndGetsTheFirstAnswer() {
        HttpGraphQlTester steward = clients.as(
                keys.create("idempotent steward", Role.DATA_STEWARD, "test").secret());
        HttpGraphQlTester retrying =
                steward.mutate().header("Idempotency-Key", "order-2026-0001").build();
        String place = """
                mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } errors { code } } }""";
        Map<String, Object> input = Map.of("customerId", "c3", "lines", List.of(Map.of("sku", "CAB-1", "quantity", 2)));
        long before = count("MATCH (:Customer {id: 'c3'})-[:PLACED]->(o:Order) RETURN count(o)");

        var first = retrying.document(place).variable("input", input).execute();
        String orderId = first.path("placeOrder.order.id").entity(String.class).get();
        var retry = retrying.document(place).variable("input", input).execute();
        retry.path("placeOrder.order.id").entity(String.class).isEqualTo(orderId);
        assertThat(count("MATCH (:Customer {id: 'c3'})-[:PLACED]->(o:Order) RETURN count(o)"))
                .isEqualTo(before + 1);

        // the same key with another request is a client bug, refused rather than answered with the wrong order
        retrying.document(place)
                .variable("input", Map.of("customerId", "c3", "lines", List.of(Map.of("sku", "CAB-1", "quantity", 3))))
                .execute()
                .errors()
                .satisfy(errors ->
                        assertThat(errors.getFirst().getExtensions()).containsEntry("code", "IDEMPOTENCY_CONFLICT"));
        // the key belongs to its caller: another key's client with the same value runs its own request
        HttpGraphQlTester other = clients.as(
                        keys.create("other steward", Role.DATA_STEWARD, "test").secret())
                .mutate()
                .header("Idempotency-Key", "order-2026-0001")
                .build();
        String otherId = other.document(place)
                .variable("input", input)
                .execute()
                .path("placeOrder.order.id")
                .entity(String.class)
                .get();
        assertThat(otherId).isNotEqualTo(orderId);
        // without the header, the same mutation is a new order
        steward.document(place).variable("input", input).execute();
        assertThat(count("MATCH (:Customer {id: 'c3'})-[:PLACED]->(o:Order) RETURN count(o)"))
                .isEqualTo(before + 3);
    }

    @Test
    void bulkTicketUpdatesChangeWhatTheyCanAndNameTheRestByPosition() {
        var response = graphQl.document("""
                mutation { updateTickets(ids: ["t2", "nope", "t3"], input: {priority: HIGH, category: "triage"}) {
                    tickets { id priority category } errors { field code } } }""").execute();
        response.path("updateTickets.tickets[*].id").entityList(String.class).containsExactly("t2", "t3");
        response.path("updateTickets.tickets[*].priority")
                .entityList(String.class)
                .containsExactly("HIGH", "HIGH");
        response.path("updateTickets.errors[0].field").entityList(String.class).containsExactly("ids", "1");
        response.path("updateTickets.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        assertThat(count("MATCH (t:Ticket {category: 'triage'}) RETURN count(t)"))
                .isEqualTo(2);
    }

    @Test
    void theViewerSaysWhoIsCalling() {
        HttpGraphQlTester agent =
                clients.as(keys.create("front desk", Role.AGENT, "test").secret());
        var viewer = agent.document("{ viewer { name role } }").execute();
        viewer.path("viewer.role").entity(String.class).isEqualTo("AGENT");
        viewer.path("viewer.name")
                .entity(String.class)
                .satisfies(name -> assertThat(name).startsWith("key:").endsWith("(front desk)"));
    }
}
