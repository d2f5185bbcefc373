package org.crmgraph.api.order;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.api.graphql.BatchResults;
import org.crmgraph.api.graphql.Connection;
import org.crmgraph.api.graphql.Prefetched;
import org.crmgraph.api.graphql.SortDirection;
import org.crmgraph.api.graphql.SortInput;
import org.crmgraph.graph.customer.Customer;
import org.crmgraph.graph.customer.CustomerService;
import org.crmgraph.graph.filter.TimeBucket;
import org.crmgraph.graph.money.Money;
import org.crmgraph.graph.order.Buyer;
import org.crmgraph.graph.order.Order;
import org.crmgraph.graph.order.OrderFilter;
import org.crmgraph.graph.order.OrderGrouping;
import org.crmgraph.graph.order.OrderLine;
import org.crmgraph.graph.order.OrderService;
import org.crmgraph.graph.order.OrderSort;
import org.crmgraph.graph.order.PlaceOrderInput;
import org.crmgraph.graph.page.Pages;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.graph.page.SortOrder;
import org.crmgraph.graph.product.Product;
import org.crmgraph.graph.validation.FieldError;
import org.crmgraph.graph.validation.Outcome;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class OrderController {

    /** An explicit {@code orderBy: null} or {@code direction: null} means the schema's default, not a failure. */
    record OrderSortInput(OrderSort field, SortDirection direction) implements SortInput {

        @Override
        public org.crmgraph.graph.page.SortKey key() {
            return field.key();
        }

        static final OrderSortInput DEFAULT = new OrderSortInput(OrderSort.PLACED_AT, SortDirection.DESC);

        OrderSortInput {
            direction = direction == null ? SortDirection.DESC : direction;
        }
    }

    record OrderPayload(Order order, List<FieldError> errors) {
        static OrderPayload of(Outcome<Order> outcome) {
            return new OrderPayload(outcome.value(), outcome.errors());
        }
    }

    private final OrderService orders;
    private final CustomerService customers;
    private final Pages paging;

    OrderController(OrderService orders, CustomerService customers, Pages paging) {
        this.orders = orders;
        this.customers = customers;
        this.paging = paging;
    }

    @QueryMapping
    Order order(@Argument String id) {
        return orders.find(id).orElse(null);
    }

    /** What an order list was asked for, kept on its connection for {@code aggregate}. */
    record OrderQuery(OrderFilter filter, Map<String, Object> where) {}

    /** One group of {@code OrderConnection.aggregate}, with its totals as exact money. */
    record OrderGroupView(Map<String, Object> key, long count, MoneyAggregate total) {}

    /** Sum, minimum, maximum and mean of a group's order totals. */
    record MoneyAggregate(Money sum, Money min, Money max, Money avg) {}

    @QueryMapping
    Connection<Order> orders(
            @Argument Integer first,
            @Argument String after,
            @Argument OrderFilter filter,
            @Argument Map<String, Object> where,
            @Argument OrderSortInput orderBy,
            @Argument List<OrderSortInput> sort,
            DataFetchingFieldSelectionSet selection) {
        return list(first, after, filter, where, orderBy, sort, selection);
    }

    /** A customer's orders as a connection: the top-level list with the customer's id as a filter. */
    @SchemaMapping(typeName = "Customer", field = "ordersConnection")
    Connection<Order> customerOrdersConnection(
            Customer customer,
            @Argument Integer first,
            @Argument String after,
            @Argument Map<String, Object> where,
            @Argument OrderSortInput orderBy,
            @Argument List<OrderSortInput> sort,
            DataFetchingFieldSelectionSet selection) {
        return list(first, after, new OrderFilter(customer.id(), null, null, null), where, orderBy, sort, selection);
    }

    private Connection<Order> list(
            Integer first,
            String after,
            OrderFilter filter,
            Map<String, Object> where,
            OrderSortInput orderBy,
            List<OrderSortInput> sortKeys,
            DataFetchingFieldSelectionSet selection) {
        List<SortOrder> sorting = SortInput.orders(sortKeys);
        if (sorting == null) {
            sorting = List.of(orderBy == null ? OrderSortInput.DEFAULT.order() : orderBy.order());
        }
        List<SortOrder> ordering = sorting;
        var request = Connection.counting(selection, paging.request(first, after, SortOrder.ordering(ordering)));
        return Connection.of(
                selection, () -> orders.page(filter, where, ordering, request), new OrderQuery(filter, where));
    }

    /**
     * Groups of the orders the connection's filter matches, over all pages. Sums of floats stored from decimals of at
     * most 4 places are rounded back to 4 places, which is exact; the mean is rounded half-even to 4 places.
     */
    @SchemaMapping(typeName = "OrderConnection", field = "aggregate")
    List<OrderGroupView> aggregate(
            Connection<Order> connection,
            @Argument List<OrderGrouping> groupBy,
            @Argument TimeBucket period,
            @Argument Integer first) {
        OrderQuery query = (OrderQuery) connection.query();
        int limit = PagingProperties.listLength(first, 100, 1000);
        if (limit == 0) {
            return List.of();
        }
        return orders.groups(query.filter(), query.where(), groupBy, period, limit).stream()
                .map(group -> {
                    String currency = (String) group.key().get("currencyCode");
                    Money sum = Money.ofStored(group.values().get("sum"), currency);
                    Money avg = new Money(
                            sum.amount()
                                    .divide(
                                            java.math.BigDecimal.valueOf(Math.max(1, group.count())),
                                            Money.MAX_SCALE,
                                            java.math.RoundingMode.HALF_EVEN),
                            currency);
                    return new OrderGroupView(
                            group.key(),
                            group.count(),
                            new MoneyAggregate(
                                    sum,
                                    Money.ofStored(group.values().get("min"), currency),
                                    Money.ofStored(group.values().get("max"), currency),
                                    avg));
                })
                .toList();
    }

    @MutationMapping
    OrderPayload placeOrder(@Argument PlaceOrderInput input) {
        return OrderPayload.of(orders.place(input));
    }

    @BatchMapping(typeName = "Customer", field = "orders")
    Map<Customer, List<Order>> customerOrders(List<Customer> parents, GraphQLContext context) {
        return Prefetched.in(context).lists(Prefetched.CUSTOMER_ORDERS, parents, Customer::id, orders::ofCustomers);
    }

    @BatchMapping(typeName = "Order", field = "lines")
    Map<Order, List<OrderLine>> lines(List<Order> parents, GraphQLContext context) {
        return Prefetched.in(context).lists(Prefetched.ORDER_LINES, parents, Order::id, orders::lines);
    }

    @BatchMapping(typeName = "Order", field = "customer")
    Map<Order, Customer> orderCustomer(List<Order> parents) {
        return BatchResults.single(
                parents, Order::customerId, customers.findAll(BatchResults.keys(parents, Order::customerId)));
    }

    @BatchMapping(typeName = "Product", field = "buyers")
    Map<Product, List<Buyer>> buyers(List<Product> parents) {
        Map<String, List<Buyer>> bySku = new HashMap<>();
        orders.buyers(BatchResults.keys(parents, Product::sku))
                .forEach(buyer -> bySku.computeIfAbsent(buyer.sku(), k -> new java.util.ArrayList<>())
                        .add(buyer));
        return BatchResults.lists(parents, Product::sku, bySku);
    }

    @BatchMapping(typeName = "ProductBuyer", field = "customer")
    Map<Buyer, Customer> buyerCustomer(List<Buyer> parents) {
        return BatchResults.single(
                parents, Buyer::customerId, customers.findAll(BatchResults.keys(parents, Buyer::customerId)));
    }
}
