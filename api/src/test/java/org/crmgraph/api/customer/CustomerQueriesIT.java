package org.crmgraph.api.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.crmgraph.api.FixtureGraphTest;
import org.junit.jupiter.api.Test;

class CustomerQueriesIT extends FixtureGraphTest {

    @Test
    void customerByIdNavigatesToOrdersTicketsAndInteractionsNewestFirst() {
        var response = graphQl.documentName("customer").variable("id", "c1").execute();
        response.path("customer.name").entity(String.class).isEqualTo("Alice Archer");
        response.path("customer.orders[*].id").entityList(String.class).containsExactly("o2", "o1");
        response.path("customer.tickets[*].id").entityList(String.class).containsExactly("t2", "t1");
        response.path("customer.interactions[*].id").entityList(String.class).containsExactly("i2", "i1");
        response.path("customer.interactions[0].product.sku")
                .entity(String.class)
                .isEqualTo("AUD-1");
        response.path("customer.createdAt").entity(String.class).isEqualTo("2025-02-01T10:00:00Z");
    }

    /**
     * A customer by id with orders and lines is read in one statement; a page of customers takes the batch loaders'
     * path. The two must give the same orders, lines, products and prices.
     */
    @Test
    void customerReadWithOrdersAndLinesInOneStatementAnswersAsTheBatchLoadersDo() {
        String fields =
                "id orders { id total customer { id } lines { quantity unitPrice product { sku name category } } }";
        for (String id : java.util.List.of("c1", "c2", "c3")) {
            var byId = graphQl.document("query($id: ID!) { customer(id: $id) { " + fields + " } }")
                    .variable("id", id)
                    .execute();
            var page = graphQl.document("{ customers(first: 10) { edges { node { " + fields + " } } } }")
                    .execute()
                    .path("customers.edges[*].node")
                    .entityList(Map.class)
                    .get();
            Object viaLoaders = page.stream()
                    .filter(node -> id.equals(node.get("id")))
                    .findFirst()
                    .orElseThrow();
            byId.path("customer").entity(Map.class).isEqualTo(viaLoaders);
        }
        var alice = graphQl.document("query($id: ID!) { customer(id: $id) { " + fields + " } }")
                .variable("id", "c1")
                .execute();
        alice.path("customer.orders[*].id").entityList(String.class).containsExactly("o2", "o1");
        alice.path("customer.orders[1].lines[*].product.sku")
                .entityList(String.class)
                .containsExactly("AUD-1", "CAB-1");
        alice.path("customer.orders[1].lines[0].product.category")
                .entity(String.class)
                .isEqualTo("Audio");
        alice.path("customer.orders[1].customer.id").entity(String.class).isEqualTo("c1");
        graphQl.document("query($id: ID!) { customer(id: $id) { " + fields + " } }")
                .variable("id", "c3")
                .execute()
                .path("customer.orders")
                .entityList(Object.class)
                .hasSize(0);
        graphQl.document("query($id: ID!) { customer(id: $id) { " + fields + " } }")
                .variable("id", "nobody")
                .execute()
                .path("customer")
                .valueIsNull();
    }

    /** A page that asks for its customers' orders reads them in the page's statement: same orders, same paging. */
    @Test
    void pageOfCustomersWithOrdersAnswersAsTheBatchLoaderDoesAndPagesOn() {
        String page = """
                query($after: String) { customers(first: 2, after: $after, orderBy: {field: NAME}) {
                  totalCount pageInfo { hasNextPage endCursor }
                  edges { cursor node { id name orders { id total placedAt customer { id } } } } } }""";
        var first = graphQl.document(page).execute();
        first.path("customers.totalCount").entity(Integer.class).isEqualTo(5);
        first.path("customers.edges[*].node.id").entityList(String.class).containsExactly("c1", "c2");
        first.path("customers.edges[0].node.orders[*].id")
                .entityList(String.class)
                .containsExactly("o2", "o1");
        first.path("customers.edges[1].node.orders[*].id")
                .entityList(String.class)
                .containsExactly("o3");
        first.path("customers.edges[0].node.orders[0].customer.id")
                .entity(String.class)
                .isEqualTo("c1");
        for (String id : java.util.List.of("c1", "c2")) {
            Object alone = graphQl.document("query($id: ID!) { customer(id: $id) { orders { id total placedAt } } }")
                    .variable("id", id)
                    .execute()
                    .path("customer.orders")
                    .entityList(Map.class)
                    .get();
            var fromPage = first.path("customers.edges[*].node").entityList(Map.class).get().stream()
                    .filter(node -> id.equals(node.get("id")))
                    .map(node -> ((java.util.List<?>) node.get("orders"))
                            .stream()
                                    .map(order -> {
                                        Map<?, ?> copy = new java.util.LinkedHashMap<>((Map<?, ?>) order);
                                        copy.remove("customer");
                                        return copy;
                                    })
                                    .toList())
                    .findFirst()
                    .orElseThrow();
            org.assertj.core.api.Assertions.assertThat(fromPage).isEqualTo(alone);
        }
        String cursor =
                first.path("customers.pageInfo.endCursor").entity(String.class).get();
        var second = graphQl.document(page).variable("after", cursor).execute();
        second.path("customers.edges[*].node.id").entityList(String.class).containsExactly("c3", "c4");
        second.path("customers.edges[*].node.orders").entityList(Object.class).hasSize(2);
        second.path("customers.edges[0].node.orders").entityList(Object.class).hasSize(0);
    }

    @Test
    void unknownCustomerIsNull() {
        graphQl.documentName("customer")
                .variable("id", "nobody")
                .execute()
                .path("customer")
                .valueIsNull();
    }

    @Test
    void pagesThroughAllCustomersWithCursorsUntilTheLastPage() {
        var first = graphQl.documentName("customers").variable("first", 2).execute();
        first.path("customers.totalCount").entity(Integer.class).isEqualTo(5);
        first.path("customers.edges[*].node.id").entityList(String.class).containsExactly("c1", "c2");
        first.path("customers.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        first.path("customers.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
        String cursor =
                first.path("customers.pageInfo.endCursor").entity(String.class).get();

        var second = graphQl.documentName("customers")
                .variable("first", 2)
                .variable("after", cursor)
                .execute();
        second.path("customers.edges[*].node.id").entityList(String.class).containsExactly("c3", "c4");
        second.path("customers.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
        cursor =
                second.path("customers.pageInfo.endCursor").entity(String.class).get();

        var last = graphQl.documentName("customers")
                .variable("first", 2)
                .variable("after", cursor)
                .execute();
        last.path("customers.edges[*].node.id").entityList(String.class).containsExactly("c5");
        last.path("customers.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        last.path("customers.totalCount").entity(Integer.class).isEqualTo(5);
    }

    @Test
    void keysetCursorSurvivesAnInsertBeforeIt() {
        var first = graphQl.documentName("customers").variable("first", 2).execute();
        String cursor =
                first.path("customers.pageInfo.endCursor").entity(String.class).get();
        cypher.write("CREATE (:Customer {id: 'c0', name: 'Aaron Adams', createdAt: datetime()})", Map.of());

        graphQl.documentName("customers")
                .variable("first", 2)
                .variable("after", cursor)
                .execute()
                .path("customers.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("c3", "c4");
    }

    @Test
    void emptyResultHasNoCursorsAndNoNextPage() {
        var response = graphQl.documentName("customers")
                .variable("filter", Map.of("country", "FR"))
                .execute();
        response.path("customers.totalCount").entity(Integer.class).isEqualTo(0);
        response.path("customers.edges").entityList(Object.class).hasSize(0);
        response.path("customers.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        response.path("customers.pageInfo.endCursor").valueIsNull();
    }

    @Test
    void filtersCombineAndTextMatchesIgnoreCase() {
        graphQl.documentName("customers")
                .variable("filter", Map.of("country", "DE"))
                .execute()
                .path("customers.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("c2", "c4");
        graphQl.documentName("customers")
                .variable("filter", Map.of("nameContains", "BAKER"))
                .execute()
                .path("customers.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("c2");
        graphQl.documentName("customers")
                .variable("filter", Map.of("emailContains", "Example.COM"))
                .execute()
                .path("customers.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("c1", "c3", "c5");
        graphQl.documentName("customers")
                .variable(
                        "filter",
                        Map.of("createdAfter", "2025-03-01T10:00:00Z", "createdBefore", "2025-05-01T10:00:00Z"))
                .execute()
                .path("customers.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("c2", "c3");
        graphQl.documentName("customers")
                .variable("filter", Map.of("country", "GB", "emailContains", "eve"))
                .execute()
                .path("customers.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("c5");
    }

    @Test
    void sortsByEveryFieldInBothDirections() {
        graphQl.documentName("customers")
                .variable("orderBy", Map.of("field", "NAME", "direction", "DESC"))
                .execute()
                .path("customers.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("c5", "c4", "c3", "c2", "c1");
        graphQl.documentName("customers")
                .variable("orderBy", Map.of("field", "CREATED_AT", "direction", "DESC"))
                .variable("first", 2)
                .execute()
                .path("customers.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("c5", "c4");
        graphQl.documentName("customers")
                .variable("orderBy", Map.of("field", "EMAIL"))
                .execute()
                .path("customers.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("c1", "c2", "c3", "c4", "c5");
        // ties on country are broken by id, so pages never overlap
        var byCountry = graphQl.documentName("customers")
                .variable("orderBy", Map.of("field", "COUNTRY"))
                .variable("first", 3)
                .execute();
        byCountry.path("customers.edges[*].node.id").entityList(String.class).containsExactly("c2", "c4", "c3");
        String cursor = byCountry
                .path("customers.pageInfo.endCursor")
                .entity(String.class)
                .get();
        graphQl.documentName("customers")
                .variable("orderBy", Map.of("field", "COUNTRY"))
                .variable("after", cursor)
                .execute()
                .path("customers.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("c1", "c5");
    }

    @Test
    void pageSizeAboveTheCapIsAClearError() {
        graphQl.documentName("customers")
                .variable("first", 51)
                .execute()
                .errors()
                .satisfy(errors -> {
                    assertThat(errors).singleElement().satisfies(error -> {
                        assertThat(error.getExtensions())
                                .containsEntry("code", "PAGE_SIZE_EXCEEDED")
                                .containsEntry("argument", "first");
                        assertThat(error.getMessage()).contains("at most 50");
                        assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    });
                });
    }

    @Test
    void negativePageSizeIsRejected() {
        graphQl.documentName("customers")
                .variable("first", -1)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(
                                error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_PAGE_SIZE")));
    }

    @Test
    void damagedOrForeignCursorsAreRejected() {
        graphQl.documentName("customers")
                .variable("after", "not-a-cursor!")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_CURSOR")));

        String byName = graphQl.documentName("customers")
                .variable("first", 1)
                .execute()
                .path("customers.pageInfo.endCursor")
                .entity(String.class)
                .get();
        graphQl.documentName("customers")
                .variable("after", byName)
                .variable("orderBy", Map.of("field", "NAME", "direction", "DESC"))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "INVALID_CURSOR");
                    assertThat(error.getMessage()).contains("customer.name:asc");
                }));
    }

    @Test
    void badDateInFilterNamesTheExpectedFormat() {
        graphQl.documentName("customers")
                .variable("filter", Map.of("createdAfter", "yesterday"))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getMessage()).contains("ISO-8601")));
    }
}
