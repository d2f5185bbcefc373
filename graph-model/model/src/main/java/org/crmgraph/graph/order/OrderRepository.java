package org.crmgraph.graph.order;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmgraph.graph.customer.Customer;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.filter.FilterCatalogue;
import org.crmgraph.graph.filter.Where;
import org.crmgraph.graph.page.KeysetQuery;
import org.crmgraph.graph.page.Page;
import org.crmgraph.graph.page.PageRequest;
import org.crmgraph.graph.page.SortOrder;
import org.crmgraph.graph.product.Product;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;
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
            RETURN id, %s AS product, line.quantity AS quantity, line.unitPrice AS unitPrice, o.currency AS currency
            ORDER BY id, p.sku
            """.formatted(Product.RELATED, Product.PROJECTION);
    // The customer, the orders and their lines in one statement: one transaction where the three reads above take
    // three.
    private static final String CUSTOMER_WITH_ORDERS = """
            MATCH (c:Customer {id: $id})
            CALL (c) {
                MATCH (c)-[:PLACED]->(o:Order)
                WITH o ORDER BY o.placedAt DESC LIMIT $limit
                CALL (o) {
                    MATCH (o)-[line:CONTAINS]->(p:Product)
                    WITH line, p ORDER BY p.sku LIMIT $limit
                    %s
                    RETURN collect({product: %s, quantity: line.quantity, unitPrice: line.unitPrice}) AS lines
                }
                RETURN collect({order: o{.*, customerId: c.id}, lines: lines}) AS orders
            }
            RETURN c, orders
            """.formatted(Product.RELATED, Product.PROJECTION);
    // A page of customers with each one's orders, in one statement: the orders are read for the cut page's rows only.
    private static final KeysetQuery CUSTOMERS_WITH_ORDERS =
            new KeysetQuery("MATCH (c:Customer)", "c", "id", """
            CALL (c) {
                MATCH (c)-[:PLACED]->(o:Order)
                WITH o ORDER BY o.placedAt DESC LIMIT $nestedLimit
                RETURN collect(o{.*, customerId: c.id}) AS orders
            }""", "c{.*, orders: orders}");
    private static final String BUYERS = """
            UNWIND $skus AS sku
            MATCH (:Product {sku: sku})<-[line:CONTAINS]-(:Order)<-[:PLACED]-(c:Customer)
            WITH sku, c.id AS customerId, sum(line.quantity) AS quantity
            ORDER BY quantity DESC, customerId
            WITH sku, collect({customerId: customerId, quantity: quantity})[..$limit] AS buyers
            UNWIND buyers AS buyer
            RETURN sku, buyer.customerId AS customerId, buyer.quantity AS quantity
            """;
    private static final String UNITS_BOUGHT = """
            UNWIND $customerIds AS customerId
            MATCH (:Customer {id: customerId})-[:PLACED]->(:Order)-[line:CONTAINS]->(:Product {sku: $sku})
            RETURN customerId, sum(line.quantity) AS quantity
            """;
    private static final String MISSING = """
            OPTIONAL MATCH (p:Product) WHERE p.sku IN $skus
            WITH collect(p) AS found
            RETURN EXISTS { MATCH (:Customer {id: $customerId}) } AS customerExists,
                   [sku IN $skus WHERE NONE(p IN found WHERE p.sku = sku)] AS missingSkus,
                   [p IN found WHERE p.price IS NULL | p.sku] AS unpricedSkus,
                   [p IN found | [p.sku, p.currency]] AS currencies
            """;
    private static final String PLACE = """
            MATCH (c:Customer {id: $customerId})
            CREATE (c)-[:PLACED]->(o:Order {id: $id, placedAt: coalesce($placedAt, datetime()), status: 'PLACED', channel: $channel, currency: $currency})
            WITH o
            UNWIND $lines AS line
            MATCH (p:Product {sku: line.sku})
            CREATE (o)-[:CONTAINS {quantity: line.quantity, unitPrice: p.price}]->(p)
            // prices have at most 4 decimal places, so the exact sum has too: rounding there undoes the float error
            WITH o, round(sum(line.quantity * p.price), 4) AS total
            SET o.total = total
            RETURN o{.*, customerId: $customerId} AS o
            """;

    /**
     * What keeps an order from being placed.
     *
     * @param currencies the currency of each product found (null where the product has none)
     */
    record Missing(
            boolean customerExists, List<String> skus, List<String> unpricedSkus, Map<String, String> currencies) {}

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

    Page<Order> page(OrderFilter filter, Map<String, ?> where, List<SortOrder> orders, PageRequest request) {
        return LIST.page(cypher, conditions(filter, where), orders, request, Order::from);
    }

    /** The list's filter as conditions on {@code o}: the same for a page and for an aggregation. */
    static KeysetQuery.Conditions conditions(OrderFilter filter, Map<String, ?> where) {
        var conditions = new KeysetQuery.Conditions()
                .when(filter.customerId(), "customerId", "EXISTS { (o)<-[:PLACED]-(:Customer {id: $customerId}) }")
                .when(filter.status(), "status", "o.status = $status")
                .when(filter.placedAfter(), "placedAfter", "o.placedAt >= $placedAfter")
                .when(filter.placedBefore(), "placedBefore", "o.placedAt < $placedBefore");
        conditions.where(Where.compile(FilterCatalogue.ORDER, where, "o", "where"));
        return conditions;
    }

    /**
     * Orders matching the filter in groups, largest count first (by period first when grouped by time), with the sum,
     * minimum and maximum of their totals. Currency is always part of the key: amounts in different currencies are
     * never added up.
     */
    List<org.crmgraph.graph.filter.Group> groups(
            OrderFilter filter,
            Map<String, ?> where,
            List<OrderGrouping> by,
            org.crmgraph.graph.filter.TimeBucket period,
            String defaultCurrency,
            int limit) {
        KeysetQuery.Conditions conditions = conditions(filter, where);
        List<String> key = new java.util.ArrayList<>();
        key.add("currencyCode: coalesce(o.currency, $defaultCurrency)");
        by.stream().distinct().forEach(grouping -> key.add(grouping.key() + ": " + grouping.expression()));
        if (period != null) {
            key.add("period: datetime.truncate($unit, o.placedAt)");
        }
        boolean needsCustomer = by.contains(OrderGrouping.COUNTRY) || by.contains(OrderGrouping.SEGMENT);
        // the key's parts are fixed fragments of OrderGrouping; filter values are parameters
        String query = """
                MATCH (o:Order)
                %s
                %s
                WITH {%s} AS key, o.total AS total
                WITH key, count(*) AS count, sum(total) AS sum, min(total) AS min, max(total) AS max
                RETURN key, count, sum, min, max
                ORDER BY %s count DESC
                LIMIT $limit
                """.formatted(
                        conditions.where(),
                        needsCustomer ? "OPTIONAL MATCH (o)<-[:PLACED]-(c:Customer)" : "",
                        String.join(", ", key),
                        period != null ? "key.period," : "");
        Map<String, Object> parameters = new HashMap<>(conditions.parameters());
        parameters.put("defaultCurrency", defaultCurrency);
        parameters.put("unit", period == null ? "day" : period.unit());
        parameters.put("limit", limit);
        return cypher.read(
                query,
                parameters,
                r -> new org.crmgraph.graph.filter.Group(
                        r.get("key").asMap(v -> v.isNull() ? null : v.asObject()),
                        r.get("count").asLong(),
                        Map.of(
                                "sum", r.get("sum").asDouble(0),
                                "min", r.get("min").asDouble(0),
                                "max", r.get("max").asDouble(0))));
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
                                r.get("unitPrice").asDouble(),
                                org.crmgraph.graph.cypher.Records.string(r.get("currency"))))
                .forEach(line -> result.computeIfAbsent(line.orderId(), k -> new java.util.ArrayList<>())
                        .add(line));
        return result;
    }

    Optional<CustomerOrders> customerWithOrders(String customerId, int limit) {
        return cypher
                .read(CUSTOMER_WITH_ORDERS, Map.of("id", customerId, "limit", limit), r -> {
                    List<Order> placed = new ArrayList<>();
                    Map<String, List<OrderLine>> lines = new HashMap<>();
                    for (Value entry : r.get("orders").values()) {
                        Order order = Order.from(entry.get("order"));
                        placed.add(order);
                        lines.put(
                                order.id(),
                                entry.get("lines")
                                        .asList(line -> new OrderLine(
                                                order.id(),
                                                Product.from(line.get("product")),
                                                line.get("quantity").asInt(),
                                                line.get("unitPrice").asDouble(),
                                                order.currency())));
                    }
                    return new CustomerOrders(Customer.from(r.get("c")), placed, lines);
                })
                .stream()
                .findFirst();
    }

    Page<CustomerOrders> customersWithOrders(
            KeysetQuery.Conditions conditions, List<SortOrder> sorting, PageRequest request, int limit) {
        return CUSTOMERS_WITH_ORDERS.page(
                cypher,
                conditions.parameter("nestedLimit", limit),
                sorting,
                request,
                row -> new CustomerOrders(Customer.from(row), row.get("orders").asList(Order::from), Map.of()));
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

    Map<String, Long> unitsBought(String sku, Collection<String> customerIds) {
        Map<String, Long> units = new HashMap<>();
        cypher.read(UNITS_BOUGHT, Map.of("sku", sku, "customerIds", List.copyOf(customerIds)), r -> r)
                .forEach(r -> units.put(
                        r.get("customerId").asString(), r.get("quantity").asLong()));
        return units;
    }

    static Missing missing(SimpleQueryRunner tx, String customerId, List<String> skus) {
        var record =
                tx.run(MISSING, Map.of("customerId", customerId, "skus", skus)).single();
        Map<String, String> currencies = new HashMap<>();
        record.get("currencies")
                .asList(v -> v)
                .forEach(pair -> currencies.put(
                        pair.get(0).asString(),
                        pair.get(1).isNull() ? null : pair.get(1).asString()));
        return new Missing(
                record.get("customerExists").asBoolean(),
                record.get("missingSkus").asList(v -> v.asString()),
                record.get("unpricedSkus").asList(v -> v.asString()),
                currencies);
    }

    static Order place(SimpleQueryRunner tx, Map<String, Object> parameters) {
        return Order.from(tx.run(PLACE, parameters).single().get("o"));
    }

    CypherRunner cypher() {
        return cypher;
    }
}
