package org.crmgraph.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.api.FixtureGraphTest;
import org.crmgraph.api.TestClients;
import org.crmgraph.graph.security.ApiKeyStore;
import org.crmgraph.graph.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The {@code where} language, nested connections and aggregations, checked against the fixture graph. */
class FilterLanguageIT extends FixtureGraphTest {

    @Autowired
    TestClients clients;

    @Autowired
    ApiKeyStore keys;

    private List<String> customerIds(Map<String, Object> where) {
        return graphQl.document(
                        "query($where: CustomerWhere) { customers(where: $where, first: 50) { edges { node { id } } } }")
                .variable("where", where)
                .execute()
                .path("customers.edges[*].node.id")
                .entityList(String.class)
                .get();
    }

    @Test
    void orWithOperatorsAndARelationshipFilter() {
        // c1 bought in Audio and Laptops, c2 in Audio; c4 is German without orders
        Map<String, Object> audioBuyersOrGermans = Map.of(
                "OR",
                List.of(
                        Map.of(
                                "productsBought",
                                Map.of("some", Map.of("category", Map.of("name", Map.of("eq", "Audio"))))),
                        Map.of("country", Map.of("eq", "DE"))));
        assertThat(customerIds(audioBuyersOrGermans)).containsExactlyInAnyOrder("c1", "c2", "c4");

        // NOT, in and startsWith (case ignored)
        assertThat(customerIds(Map.of(
                        "country", Map.of("in", List.of("GB", "ES")),
                        "NOT", Map.of("name", Map.of("startsWith", "alice")))))
                .containsExactlyInAnyOrder("c3", "c5");

        // none and all over orders: customers without an order in the WEB channel; whose every order is delivered
        assertThat(customerIds(Map.of("orders", Map.of("none", Map.of("channel", Map.of("eq", "WEB"))))))
                .containsExactlyInAnyOrder("c3", "c4", "c5");
        assertThat(customerIds(Map.of(
                        "orders", Map.of("all", Map.of("status", Map.of("eq", "DELIVERED")), "some", Map.of()))))
                .containsExactly("c1");
    }

    @Test
    void ticketsOfCustomersInASegmentAndRangesOnMoney() {
        cypher.write("""
                MATCH (c:Customer {id: 'c2'}) MERGE (s:Segment {id: 7}) SET s.label = 'at risk' MERGE (c)-[:IN_SEGMENT]->(s)
                """, Map.of());
        graphQl.document("""
                { tickets(where: {customer: {segment: {name: {eq: "at risk"}}}, status: {in: [OPEN, IN_PROGRESS]}}) {
                    edges { node { id } } } }""")
                .execute()
                .path("tickets.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("t3");
        graphQl.document("""
                { orders(where: {total: {gte: "298", lt: "1199.00"}}) { edges { node { id } } } }""")
                .execute()
                .path("orders.edges[*].node.id")
                .entityList(String.class)
                .contains("o1", "o3")
                .hasSize(2);
    }

    @Test
    void personalFieldsAreRefusedForMaskedRolesEvenDeepInsideAFilter() {
        var analyst = clients.as(
                keys.create("filter test analyst", Role.ANALYST, "test").secret());
        analyst.document("""
                { tickets(where: {OR: [{status: {eq: OPEN}}, {customer: {name: {startsWith: "A"}}}]}) { totalCount } }""").execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getExtensions()).containsEntry("code", "FORBIDDEN_ARGUMENT");
        });
        analyst.document("""
                { product(sku: "AUD-1") { buyersConnection(where: {email: {contains: "example"}}) { totalCount } } }""")
                .execute()
                .errors()
                .satisfy(errors ->
                        assertThat(errors.getFirst().getExtensions()).containsEntry("code", "FORBIDDEN_ARGUMENT"));
        // the same filter on a field that is not personal works for them
        analyst.document(
                        "{ tickets(where: {OR: [{status: {eq: OPEN}}, {customer: {country: {eq: \"DE\"}}}]}) { totalCount } }")
                .execute()
                .path("tickets.totalCount")
                .entity(Integer.class)
                .isEqualTo(2);
    }

    @Test
    void aFilterTooDeepOrTooLargeIsRefusedNamingTheArgument() {
        Map<String, Object> deep = Map.of("country", Map.of("eq", "GB"));
        for (int i = 0; i < 10; i++) {
            deep = Map.of("NOT", deep);
        }
        graphQl.document("query($where: CustomerWhere) { customers(where: $where) { totalCount } }")
                .variable("where", deep)
                .execute()
                .errors()
                .satisfy(errors -> {
                    assertThat(errors.getFirst().getExtensions()).containsEntry("code", "OUT_OF_RANGE");
                    assertThat(errors.getFirst().getExtensions()).containsEntry("argument", "where");
                });
        List<Object> many = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(Map.of("id", Map.of("eq", "x" + i)));
        }
        graphQl.document("query($where: CustomerWhere) { customers(where: $where) { totalCount } }")
                .variable("where", Map.of("OR", many))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors.getFirst().getExtensions()).containsEntry("code", "OUT_OF_RANGE"));
    }

    @Test
    void nestedConnectionsPageThroughAllOfACustomersOrders() {
        var first = graphQl.document("""
                { customer(id: "c1") { ordersConnection(first: 1) {
                    totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }""").execute();
        first.path("customer.ordersConnection.totalCount").entity(Integer.class).isEqualTo(2);
        first.path("customer.ordersConnection.edges[0].node.id")
                .entity(String.class)
                .isEqualTo("o2");
        String cursor = first.path("customer.ordersConnection.pageInfo.endCursor")
                .entity(String.class)
                .get();
        graphQl.document("""
                query($after: String) { customer(id: "c1") { ordersConnection(first: 1, after: $after) {
                    pageInfo { hasNextPage } edges { node { id } } } } }""")
                .variable("after", cursor)
                .execute()
                .path("customer.ordersConnection.edges[0].node.id")
                .entity(String.class)
                .isEqualTo("o1");
        graphQl.document("{ article(id: \"kb1\") { ticketsConnection { edges { node { id } } } } }")
                .execute()
                .path("article.ticketsConnection.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("t1");
        var buyers = graphQl.document(
                        "{ product(sku: \"AUD-2\") { buyersConnection { totalCount edges { quantity node { id } } } } }")
                .execute();
        buyers.path("product.buyersConnection.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("c2");
        // the relationship's data on the edge: c2 bought two on order o3
        buyers.path("product.buyersConnection.edges[0].quantity")
                .entity(Integer.class)
                .isEqualTo(2);
    }

    @Test
    void revenueByCountryPerMonthMatchesCypherComputedIndependently() {
        // a few more orders in several months and countries, with amounts a float sum gets wrong
        cypher.write("""
                MATCH (c1:Customer {id: 'c1'}), (c2:Customer {id: 'c2'}), (c5:Customer {id: 'c5'})
                CREATE (c1)-[:PLACED]->(:Order {id: 'm1', placedAt: datetime('2025-07-15T10:00Z'), status: 'PLACED', channel: 'WEB', total: 15.3}),
                       (c5)-[:PLACED]->(:Order {id: 'm2', placedAt: datetime('2025-07-31T23:30Z'), status: 'PLACED', channel: 'WEB', total: 0.1}),
                       (c5)-[:PLACED]->(:Order {id: 'm3', placedAt: datetime('2025-07-20T10:00Z'), status: 'PLACED', channel: 'WEB', total: 0.2}),
                       (c2)-[:PLACED]->(:Order {id: 'm4', placedAt: datetime('2025-08-02T10:00Z'), status: 'PLACED', channel: 'WEB', total: 20.34})
                """, Map.of());
        var groups = graphQl.document("""
                { orders(where: {placedAt: {gte: "2025-07-01T00:00:00Z", lt: "2025-10-01T00:00:00Z"}}) {
                    aggregate(groupBy: [COUNTRY], period: MONTH) {
                      key { country period currencyCode } count total { sum { amount currencyCode } } } } }""")
                .execute()
                .path("orders.aggregate")
                .entityList(Map.class)
                .get();

        Map<String, Object> expected = new HashMap<>();
        cypher.read("""
                        MATCH (c:Customer)-[:PLACED]->(o:Order)
                        WHERE o.placedAt >= datetime('2025-07-01T00:00Z') AND o.placedAt < datetime('2025-10-01T00:00Z')
                        RETURN c.country AS country, o.placedAt.year AS year, o.placedAt.month AS month,
                               count(o) AS count, collect(toString(o.total)) AS totals
                        """, Map.of(), r -> r).forEach(r -> {
            BigDecimal sum = r.get("totals").asList(v -> new BigDecimal(v.asString())).stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            String key = r.get("country").asString() + " "
                    + String.format(
                            "%d-%02d-01T00:00:00Z",
                            r.get("year").asInt(), r.get("month").asInt());
            expected.put(key, r.get("count").asLong() + " " + sum.setScale(2, java.math.RoundingMode.UNNECESSARY));
        });
        Map<String, Object> actual = new HashMap<>();
        for (Map<?, ?> group : groups) {
            Map<?, ?> key = (Map<?, ?>) group.get("key");
            Map<?, ?> sum = (Map<?, ?>) ((Map<?, ?>) group.get("total")).get("sum");
            assertThat(sum.get("currencyCode")).isEqualTo("GBP");
            actual.put(key.get("country") + " " + key.get("period"), group.get("count") + " " + sum.get("amount"));
        }
        assertThat(actual).isEqualTo(expected);
        // the float sum would say 0.30000000000000004
        assertThat(actual).containsEntry("GB 2025-07-01T00:00:00Z", "4 328.60");
    }

    @Test
    void openTicketsByStatusAndCategoryAndOnlyTheAggregateRunsWithoutAPage() {
        var groups = graphQl.document("""
                { tickets(where: {status: {in: [OPEN, RESOLVED]}}) {
                    aggregate(groupBy: [STATUS, PRIORITY]) { key { status priority category } count } } }""")
                .execute()
                .path("tickets.aggregate")
                .entityList(Map.class)
                .get();
        assertThat(groups).hasSize(3);
        assertThat(groups)
                .extracting(g -> ((Map<?, ?>) g.get("key")).get("status") + "/"
                        + ((Map<?, ?>) g.get("key")).get("priority") + "=" + g.get("count"))
                .containsExactlyInAnyOrder("OPEN/URGENT=1", "OPEN/LOW=1", "RESOLVED/HIGH=1");
    }

    private long cost(String document, Map<String, Object> variables) {
        byte[] body = clients.http()
                .defaultHeader("Authorization", "Bearer " + clients.adminKey())
                .build()
                .post()
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", document, "variables", variables))
                .exchange()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return com.jayway.jsonpath.JsonPath.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8))
                .read("$.extensions.cost.estimated", Long.class);
    }

    @Test
    void theQueryCostCountsTheFilterEvenWhenItComesInAVariableOfACachedDocument() {
        String document = "query($where: CustomerWhere) { customers(first: 5, where: $where) { totalCount } }";
        long plain = cost(document, Map.of());
        long filtered = cost(
                document,
                Map.of(
                        "where",
                        Map.of(
                                "OR",
                                List.of(
                                        Map.of("country", Map.of("eq", "GB")),
                                        Map.of("orders", Map.of("some", Map.of()))))));
        assertThat(filtered).isGreaterThan(plain);
        // the same document again without the filter is priced as before: the price follows the variables
        assertThat(cost(document, Map.of())).isEqualTo(plain);
    }

    @Test
    void severalSortKeysPageThroughEveryoneInOrderWithSealedCursors() {
        String document = """
                query($after: String) { customers(first: 2, after: $after,
                    sort: [{field: COUNTRY, direction: ASC}, {field: CREATED_AT, direction: DESC}]) {
                  edges { node { id } } pageInfo { hasNextPage endCursor } } }""";
        List<String> seen = new java.util.ArrayList<>();
        String after = null;
        do {
            var page = graphQl.document(document).variable("after", after).execute();
            seen.addAll(page.path("customers.edges[*].node.id")
                    .entityList(String.class)
                    .get());
            after = page.path("customers.pageInfo.hasNextPage")
                            .entity(Boolean.class)
                            .get()
                    ? page.path("customers.pageInfo.endCursor")
                            .entity(String.class)
                            .get()
                    : null;
        } while (after != null);
        assertThat(seen).containsExactly("c4", "c2", "c3", "c5", "c1");

        // a cursor of this ordering does not fit another
        String cursor = graphQl.document(document)
                .execute()
                .path("customers.pageInfo.endCursor")
                .entity(String.class)
                .get();
        graphQl.document(
                        "query($after: String) { customers(first: 2, after: $after, sort: [{field: COUNTRY}]) { totalCount } }")
                .variable("after", cursor)
                .execute()
                .errors()
                .satisfy(errors ->
                        assertThat(errors.getFirst().getExtensions()).containsEntry("code", "INVALID_CURSOR"));
        graphQl.document("""
                { customers(sort: [{field: COUNTRY}, {field: NAME}, {field: CREATED_AT}, {field: RECENCY}]) { totalCount } }""").execute().errors().satisfy(errors -> {
            assertThat(errors.getFirst().getExtensions()).containsEntry("code", "OUT_OF_RANGE");
            assertThat(errors.getFirst().getExtensions()).containsEntry("argument", "sort");
        });
    }

    @Test
    void customersByCountryWithTheirSpendLeaveOutThoseWithoutMetricsAndMatchCypher() {
        cypher.write("""
                MATCH (c:Customer) WHERE c.id IN ['c1', 'c5', 'c2']
                SET c.monetary = CASE c.id WHEN 'c1' THEN 1512.0 WHEN 'c5' THEN 20.5 ELSE 298.0 END
                """, Map.of());
        var groups = graphQl.document("""
                { customers { aggregate(groupBy: [COUNTRY]) { key { country } count monetary { sum min max avg } } } }""")
                .execute()
                .path("customers.aggregate")
                .entityList(Map.class)
                .get();
        Map<String, String> actual = new HashMap<>();
        for (Map<?, ?> group : groups) {
            Map<?, ?> monetary = (Map<?, ?>) group.get("monetary");
            actual.put(
                    (String) ((Map<?, ?>) group.get("key")).get("country"),
                    group.get("count") + " "
                            + (monetary == null ? "-" : monetary.get("sum") + "/" + monetary.get("avg")));
        }
        Map<String, String> expected = new HashMap<>();
        cypher.read("""
                        MATCH (c:Customer) RETURN c.country AS country, count(c) AS n, sum(c.monetary) AS sum,
                               avg(c.monetary) AS avg, count(c.monetary) AS withMetric""", Map.of(), r -> r)
                .forEach(r -> expected.put(
                        r.get("country").asString(),
                        r.get("n").asLong() + " "
                                + (r.get("withMetric").asLong() == 0
                                        ? "-"
                                        : r.get("sum").asDouble() + "/"
                                                + r.get("avg").asDouble())));
        assertThat(actual).isEqualTo(expected);
        // Spain's one customer has no metrics: counted, but no figures rather than zeros
        assertThat(actual).containsEntry("ES", "1 -").containsEntry("GB", "2 1532.5/766.25");
    }
}
