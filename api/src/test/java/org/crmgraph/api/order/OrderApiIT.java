package org.crmgraph.api.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.crmgraph.api.FixtureGraphTest;
import org.junit.jupiter.api.Test;

class OrderApiIT extends FixtureGraphTest {

    private long orderCount() {
        return cypher.read(
                        "MATCH (o:Order) RETURN count(o)",
                        Map.of(),
                        r -> r.get(0).asLong())
                .getFirst();
    }

    @Test
    void orderNavigatesToCustomerAndLinesWithProducts() {
        var response = graphQl.documentName("order").variable("id", "o1").execute();
        response.path("order.customer.id").entity(String.class).isEqualTo("c1");
        response.path("order.total").entity(Double.class).isEqualTo(313.0);
        response.path("order.lines[*].product.sku").entityList(String.class).containsExactly("AUD-1", "CAB-1");
        response.path("order.lines[1].unitPrice").entity(Double.class).isEqualTo(14.0);
        response.path("order.lines[1].lineTotal").entity(Double.class).isEqualTo(14.0);
    }

    @Test
    void placesAnOrderAtTodaysPricesAddingUpRepeatedSkus() {
        var response = graphQl.documentName("placeOrder")
                .variable(
                        "input",
                        Map.of(
                                "customerId", "c3",
                                "channel", "phone",
                                "placedAt", "2025-10-01T12:00:00+02:00",
                                "lines",
                                        List.of(
                                                Map.of("sku", "AUD-2", "quantity", 1),
                                                Map.of("sku", "CAB-1", "quantity", 3),
                                                Map.of("sku", "AUD-2", "quantity", 1))))
                .execute();
        response.path("placeOrder.errors").entityList(Object.class).hasSize(0);
        response.path("placeOrder.order.total").entity(Double.class).isEqualTo(2 * 149.0 + 3 * 15.0);
        response.path("placeOrder.order.channel").entity(String.class).isEqualTo("PHONE");
        response.path("placeOrder.order.placedAt").entity(String.class).isEqualTo("2025-10-01T12:00:00+02:00");
        response.path("placeOrder.order.customer.id").entity(String.class).isEqualTo("c3");
        response.path("placeOrder.order.lines[*].quantity")
                .entityList(Integer.class)
                .containsExactly(2, 3);
        response.path("placeOrder.order.status").entity(String.class).isEqualTo("PLACED");
    }

    @Test
    void unknownProductsAndCustomerAreNamedByFieldPathAndNothingIsWritten() {
        var response = graphQl.documentName("placeOrder")
                .variable(
                        "input",
                        Map.of(
                                "customerId",
                                "nobody",
                                "lines",
                                List.of(Map.of("sku", "AUD-1", "quantity", 1), Map.of("sku", "GHOST", "quantity", 1))))
                .execute();
        response.path("placeOrder.order").valueIsNull();
        response.path("placeOrder.errors[*].code").entityList(String.class).containsExactly("NOT_FOUND", "NOT_FOUND");
        response.path("placeOrder.errors[0].field").entityList(String.class).containsExactly("customerId");
        response.path("placeOrder.errors[1].field").entityList(String.class).containsExactly("lines", "1", "sku");
        assertThat(orderCount()).isEqualTo(3);
    }

    @Test
    void zeroQuantityEmptyLinesAndUnknownChannelAreRefused() {
        graphQl.documentName("placeOrder")
                .variable("input", Map.of("customerId", "c1", "lines", List.of(Map.of("sku", "AUD-1", "quantity", 0))))
                .execute()
                .path("placeOrder.errors[0].field")
                .entityList(String.class)
                .containsExactly("lines", "0", "quantity");
        graphQl.documentName("placeOrder")
                .variable("input", Map.of("customerId", "c1", "lines", List.of()))
                .execute()
                .path("placeOrder.errors[0].code")
                .entity(String.class)
                .isEqualTo("REQUIRED");
        graphQl.documentName("placeOrder")
                .variable(
                        "input",
                        Map.of(
                                "customerId",
                                "c1",
                                "channel",
                                "pigeon",
                                "lines",
                                List.of(Map.of("sku", "AUD-1", "quantity", 1))))
                .execute()
                .path("placeOrder.errors[0].field")
                .entityList(String.class)
                .containsExactly("channel");
        assertThat(orderCount()).isEqualTo(3);
    }

    @Test
    void filtersOrdersByCustomerAndDateRangeAndSortsByTotal() {
        graphQl.documentName("orders")
                .variable("filter", Map.of("customerId", "c1"))
                .execute()
                .path("orders.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("o2", "o1");
        graphQl.documentName("orders")
                .variable(
                        "filter", Map.of("placedAfter", "2025-07-15T00:00:00Z", "placedBefore", "2025-09-01T09:00:00Z"))
                .execute()
                .path("orders.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("o2");
        graphQl.documentName("orders")
                .variable("orderBy", Map.of("field", "TOTAL", "direction", "ASC"))
                .execute()
                .path("orders.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("o3", "o1", "o2");
        graphQl.documentName("orders")
                .variable("filter", Map.of("status", "PLACED"))
                .execute()
                .path("orders.totalCount")
                .entity(Integer.class)
                .isEqualTo(1);
    }
}
