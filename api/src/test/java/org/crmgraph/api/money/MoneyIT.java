package org.crmgraph.api.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crmgraph.api.FixtureGraphTest;
import org.crmgraph.graph.fixture.ImportFiles;
import org.crmgraph.importer.ImportProgressListener;
import org.crmgraph.importer.ImportRequest;
import org.crmgraph.importer.ImportService;
import org.crmgraph.importer.mapping.EntityType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Money is exact, has a currency, and an order cannot be placed for a product without a price. */
class MoneyIT extends FixtureGraphTest {

    @Autowired
    ImportService imports;

    private static final String ORDER_MONEY = """
            query($id: ID!) { order(id: $id) {
              total totalMoney { amount currencyCode }
              lines { quantity unitPrice lineTotal unitPriceMoney { amount currencyCode } lineTotalMoney { amount } }
            } }""";

    @Test
    void theOnlineRetailLineOfSixAtTwoFiftyFiveIsExactlyFifteenThirtyInPounds() {
        // the first two lines of the Online Retail file, as they are in it
        var file = ImportFiles.write("money-online-retail.csv", """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
                536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom
                536366,22633,HAND WARMER UNION JACK,3,2010-12-01 08:28:00,0.001,17850.0,United Kingdom
                """, Instant.parse("2026-01-01T00:00:00Z"));
        imports.run(
                new ImportRequest(file, "online-retail", EntityType.ORDERS, false, null), ImportProgressListener.NONE);

        var order = graphQl.document(ORDER_MONEY).variable("id", "536365").execute();
        // the float the issue quotes: what older clients keep getting
        // lines come by SKU: 71053 first, then 85123A
        order.path("order.lines[1].lineTotal").entity(Double.class).isEqualTo(6 * 2.55);
        order.path("order.lines[*].lineTotalMoney.amount")
                .entityList(String.class)
                .contains("15.30", "20.34");
        order.path("order.lines[*].unitPriceMoney.amount")
                .entityList(String.class)
                .contains("2.55", "3.39");
        order.path("order.lines[1].unitPriceMoney.currencyCode")
                .entity(String.class)
                .isEqualTo("GBP");
        order.path("order.totalMoney").entity(Map.class).isEqualTo(Map.of("amount", "35.64", "currencyCode", "GBP"));

        // a price with a third decimal is kept, not rounded away
        var small = graphQl.document(ORDER_MONEY).variable("id", "536366").execute();
        small.path("order.lines[0].unitPriceMoney.amount").entity(String.class).isEqualTo("0.001");
        small.path("order.totalMoney.amount").entity(String.class).isEqualTo("0.003");
        graphQl.document("{ product(sku: \"22633\") { priceMoney { amount currencyCode } } }")
                .execute()
                .path("product.priceMoney")
                .entity(Map.class)
                .isEqualTo(Map.of("amount", "0.001", "currencyCode", "GBP"));
    }

    @Test
    void aPriceWithMoreDecimalsThanCanBeStoredExactlyIsARejectedRowNamingTheColumn() {
        var file = ImportFiles.write("money-too-precise.csv", """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                900001,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.555555,17850.0,United Kingdom
                """, Instant.parse("2026-01-01T00:00:00Z"));
        var job = imports.run(
                new ImportRequest(file, "online-retail", EntityType.ORDERS, false, null), ImportProgressListener.NONE);
        assertThat(job.rowsRejected()).isEqualTo(1);
        assertThat(cypher.read(
                        "MATCH (o:Order {id: '900001'}) RETURN count(o)",
                        Map.of(),
                        r -> r.get(0).asLong()))
                .containsExactly(0L);
    }

    @Test
    void productsTakeExactPricesWithACurrencyAndRefuseWhatCannotBeStored() {
        var created = graphQl.document("""
                mutation { createProduct(input: {sku: "EXACT-1", name: "Exact", priceMoney: {amount: "19.99", currencyCode: "eur"}}) {
                  product { price priceMoney { amount currencyCode } } errors { field code } } }""").execute();
        created.path("createProduct.errors").entityList(Object.class).hasSize(0);
        created.path("createProduct.product.priceMoney")
                .entity(Map.class)
                .isEqualTo(Map.of("amount", "19.99", "currencyCode", "EUR"));
        created.path("createProduct.product.price").entity(Double.class).isEqualTo(19.99);

        var tooPrecise = graphQl.document("""
                mutation { createProduct(input: {sku: "EXACT-2", name: "X", priceMoney: {amount: "1.23456"}}) {
                  product { sku } errors { field code } } }""").execute();
        tooPrecise.path("createProduct.product").valueIsNull();
        tooPrecise
                .path("createProduct.errors[0].field")
                .entityList(String.class)
                .containsExactly("priceMoney", "amount");
        tooPrecise.path("createProduct.errors[0].code").entity(String.class).isEqualTo("INVALID_FORMAT");

        var badCurrency = graphQl.document("""
                mutation { createProduct(input: {sku: "EXACT-3", name: "X", priceMoney: {amount: "1", currencyCode: "XYZW"}}) {
                  errors { field code } } }""").execute();
        badCurrency
                .path("createProduct.errors[0].field")
                .entityList(String.class)
                .containsExactly("priceMoney", "currencyCode");

        // an older client's float price still works, read back exactly in the default currency
        graphQl.document("""
                mutation { createProduct(input: {sku: "EXACT-4", name: "Old", price: 2.55}) {
                  product { priceMoney { amount currencyCode } } } }""")
                .execute()
                .path("createProduct.product.priceMoney")
                .entity(Map.class)
                .isEqualTo(Map.of("amount", "2.55", "currencyCode", "GBP"));
        assertThat(cypher.read(
                        "MATCH (p:Product) WHERE p.sku STARTS WITH 'EXACT-' RETURN p.sku ORDER BY p.sku",
                        Map.of(),
                        r -> r.get(0).asString()))
                .containsExactly("EXACT-1", "EXACT-4");
    }

    @Test
    void placeOrderRefusesAProductWithoutAPriceOrInAnotherCurrencyAndSumsExactly() {
        cypher.write("""
                CREATE (:Product {sku: 'NO-PRICE', name: 'Unpriced'}),
                       (:Product {sku: 'PENCE', name: 'Pence', price: 2.55, currency: 'GBP'}),
                       (:Product {sku: 'CENTS', name: 'Cents', price: 1.10, currency: 'USD'})
                """, Map.of());
        String place = """
                mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
                  order { id totalMoney { amount currencyCode } } errors { field code message } } }""";
        var unpriced = graphQl.document(place)
                .variable(
                        "input",
                        Map.of(
                                "customerId",
                                "c1",
                                "lines",
                                List.of(
                                        Map.of("sku", "PENCE", "quantity", 6),
                                        Map.of("sku", "NO-PRICE", "quantity", 1))))
                .execute();
        unpriced.path("placeOrder.order").valueIsNull();
        unpriced.path("placeOrder.errors[0].field").entityList(String.class).containsExactly("lines", "1", "sku");
        unpriced.path("placeOrder.errors[0].code").entity(String.class).isEqualTo("INVALID_STATE");

        var mixed = graphQl.document(place)
                .variable(
                        "input",
                        Map.of(
                                "customerId",
                                "c1",
                                "lines",
                                List.of(Map.of("sku", "PENCE", "quantity", 6), Map.of("sku", "CENTS", "quantity", 1))))
                .execute();
        mixed.path("placeOrder.errors[0].field").entityList(String.class).containsExactly("lines", "1", "sku");
        assertThat(cypher.read(
                        "MATCH (:Customer {id: 'c1'})-[:PLACED]->(o:Order)-[:CONTAINS]->(:Product {sku: 'PENCE'}) RETURN count(o)",
                        Map.of(),
                        r -> r.get(0).asLong()))
                .containsExactly(0L);

        graphQl.document(place)
                .variable("input", Map.of("customerId", "c1", "lines", List.of(Map.of("sku", "PENCE", "quantity", 6))))
                .execute()
                .path("placeOrder.order.totalMoney")
                .entity(Map.class)
                .isEqualTo(Map.of("amount", "15.30", "currencyCode", "GBP"));
    }
}
