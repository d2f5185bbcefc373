package org.crmgraph.graph.order;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.page.KeysetQuery;
import org.crmgraph.graph.page.Page;
import org.crmgraph.graph.page.PageRequest;
import org.crmgraph.graph.product.Product;
import org.neo4j.driver.SimpleQueryRunner;
import org.springframework.stereotype.Repository;

@Repository
class OrderRepository {

    private static final KeysetQuery LIST =
            new KeysetQuery("MATCH (o:Order)", "o", "id", Order.RELATED, Order.PROJECTION);

    private static final String BY_IDS = """
            UNWIND $ids AS id
            MATCH (o:Order {id: id})
            %s
            RETURN %s AS o
            """.formatted(Order.RELATED, Order.PROJECTION);
    private static final String OF_CUSTOMERS = """
            UNWIND $ids AS id
            MATCH (:Customer {id: id})-[:PLACED]->(o:Order)
            WITH id, o ORDER BY o.placedAt DESC
            WITH id, collect(o{.*, customerId: id})[..$limit] AS orders
            RETURN id, orders
            """;
    private static final String LINES = """
            UNWIND $ids AS id
            MATCH (o:Order {id: id})
            // every nested list has a cap, so a query's cost estimate is a bound and not a guess
            CALL (o) { MATCH (o)-[line:CONTAINS]->(p:Product) RETURN line, p ORDER BY p.sku LIMIT $limit }
            %s
            RETURN id, %s AS product, line.quantity AS quantity, line.unitPrice AS unitPrice
            ORDER BY id, p.sku
            """.formatted(Product.RELATED, Product.PROJECTION);
    private static final String BUYERS = """
            UNWIND $skus AS sku
            MATCH (:Product {sku: sku})<-[line:CONTAINS]-(:Order)<-[:PLACED]-(c:Customer)
            WITH sku, c.id AS customerId, sum(line.quantity) AS quantity
            ORDER BY quantity DESC, customerId
            WITH sku, collect({customerId: customerId, quantity: quantity})[..$limit] AS buyers
            UNWIND buyers AS buyer
            RETURN sku, buyer.customerId AS customerId, buyer.quantity AS quantity
            """;
    private static final String MISSING = """
            RETURN EXISTS { MATCH (:Customer {id: $customerId}) } AS customerExists,
                   [sku IN $skus WHERE NOT EXISTS { MATCH (:Product {sku: sku}) }] AS missingSkus
            """;
    private static final String PLACE = """
            MATCH (c:Customer {id: $customerId})
            CREATE (c)-[:PLACED]->(o:Order {id: $id, placedAt: coalesce($placedAt, datetime()), status: 'PLACED', channel: $channel})
            WITH o
            UNWIND $lines AS line
            MATCH (p:Product {sku: line.sku})
            CREATE (o)-[:CONTAINS {quantity: line.quantity, unitPrice: coalesce(p.price, 0.0)}]->(p)
            WITH o, sum(line.quantity * coalesce(p.price, 0.0)) AS total
            SET o.total = total
            RETURN o{.*, customerId: $customerId} AS o
            """;

    record Missing(boolean customerExists, List<String> skus) {}

    private final CypherRunner cypher;

    OrderRepository(CypherRunner cypher) {
        this.cypher = cypher;
    }

    Map<String, Order> findByIds(Collection<String> ids) {
        Map<String, Order> found = new LinkedHashMap<>();
        cypher.read(BY_IDS, Map.of("ids", List.copyOf(ids)), r -> Order.from(r.get("o")))
                .forEach(order -> found.put(order.id(), order));
        return found;
    }

    Page<Order> page(OrderFilter filter, OrderSort sort, boolean descending, PageRequest request) {
        var conditions = new KeysetQuery.Conditions()
                .when(filter.customerId(), "customerId", "EXISTS { (o)<-[:PLACED]-(:Customer {id: $customerId}) }")
                .when(filter.status(), "status", "o.status = $status")
                .when(filter.placedAfter(), "placedAfter", "o.placedAt >= $placedAfter")
                .when(filter.placedBefore(), "placedBefore", "o.placedAt < $placedBefore");
        return LIST.page(cypher, conditions, sort.key(), descending, request, Order::from);
    }

    Map<String, List<Order>> ofCustomers(Collection<String> customerIds, int limit) {
        Map<String, List<Order>> result = new HashMap<>();
        cypher.read(OF_CUSTOMERS, Map.of("ids", List.copyOf(customerIds), "limit", limit), r -> r)
                .forEach(r -> result.put(r.get("id").asString(), r.get("orders").asList(Order::from)));
        return result;
    }

    Map<String, List<OrderLine>> lines(Collection<String> orderIds, int limit) {
        Map<String, List<OrderLine>> result = new HashMap<>();
        cypher.read(
                        LINES,
                        Map.of("ids", List.copyOf(orderIds), "limit", limit),
                        r -> new OrderLine(
                                r.get("id").asString(),
                                Product.from(r.get("product")),
                                r.get("quantity").asInt(),
                                r.get("unitPrice").asDouble()))
                .forEach(line -> result.computeIfAbsent(line.orderId(), k -> new java.util.ArrayList<>())
                        .add(line));
        return result;
    }

    List<Buyer> buyers(Collection<String> skus, int limit) {
        return cypher.read(
                BUYERS,
                Map.of("skus", List.copyOf(skus), "limit", limit),
                r -> new Buyer(
                        r.get("sku").asString(),
                        r.get("customerId").asString(),
                        r.get("quantity").asLong()));
    }

    static Missing missing(SimpleQueryRunner tx, String customerId, List<String> skus) {
        var record =
                tx.run(MISSING, Map.of("customerId", customerId, "skus", skus)).single();
        return new Missing(
                record.get("customerExists").asBoolean(),
                record.get("missingSkus").asList(v -> v.asString()));
    }

    static Order place(SimpleQueryRunner tx, Map<String, Object> parameters) {
        return Order.from(tx.run(PLACE, parameters).single().get("o"));
    }

    CypherRunner cypher() {
        return cypher;
    }
}
