package org.crmgraph.api.order;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.api.graphql.BatchResults;
import org.crmgraph.api.graphql.Connection;
import org.crmgraph.api.graphql.SortDirection;
import org.crmgraph.graph.customer.Customer;
import org.crmgraph.graph.customer.CustomerService;
import org.crmgraph.graph.order.Buyer;
import org.crmgraph.graph.order.Order;
import org.crmgraph.graph.order.OrderFilter;
import org.crmgraph.graph.order.OrderLine;
import org.crmgraph.graph.order.OrderService;
import org.crmgraph.graph.order.OrderSort;
import org.crmgraph.graph.order.PlaceOrderInput;
import org.crmgraph.graph.page.Pages;
import org.crmgraph.graph.product.Product;
import org.crmgraph.graph.validation.FieldError;
import org.crmgraph.graph.validation.Outcome;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class OrderController {

    /** An explicit {@code orderBy: null} or {@code direction: null} means the schema's default, not a failure. */
    record OrderSortInput(OrderSort field, SortDirection direction) {

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

    @QueryMapping
    Connection<Order> orders(
            @Argument Integer first,
            @Argument String after,
            @Argument OrderFilter filter,
            @Argument OrderSortInput orderBy) {
        OrderSortInput sort = orderBy == null ? OrderSortInput.DEFAULT : orderBy;
        boolean descending = sort.direction().descending();
        var request = paging.request(first, after, sort.field().key(), descending);
        return Connection.of(orders.page(filter, sort.field(), descending, request));
    }

    @MutationMapping
    OrderPayload placeOrder(@Argument PlaceOrderInput input) {
        return OrderPayload.of(orders.place(input));
    }

    @BatchMapping(typeName = "Customer", field = "orders")
    Map<Customer, List<Order>> customerOrders(List<Customer> parents) {
        return BatchResults.lists(parents, Customer::id, orders.ofCustomers(BatchResults.keys(parents, Customer::id)));
    }

    @BatchMapping(typeName = "Order", field = "lines")
    Map<Order, List<OrderLine>> lines(List<Order> parents) {
        return BatchResults.lists(parents, Order::id, orders.lines(BatchResults.keys(parents, Order::id)));
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
