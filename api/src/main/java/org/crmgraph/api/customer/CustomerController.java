package org.crmgraph.api.customer;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmgraph.api.graphql.BatchResults;
import org.crmgraph.api.graphql.Connection;
import org.crmgraph.api.graphql.DeletePayload;
import org.crmgraph.api.graphql.Prefetched;
import org.crmgraph.api.graphql.SortDirection;
import org.crmgraph.api.graphql.SortInput;
import org.crmgraph.api.security.Caller;
import org.crmgraph.graph.customer.Customer;
import org.crmgraph.graph.customer.CustomerFilter;
import org.crmgraph.graph.customer.CustomerGrouping;
import org.crmgraph.graph.customer.CustomerInput;
import org.crmgraph.graph.customer.CustomerMatch;
import org.crmgraph.graph.customer.CustomerService;
import org.crmgraph.graph.customer.CustomerSort;
import org.crmgraph.graph.customer.SourceRecordRef;
import org.crmgraph.graph.filter.TimeBucket;
import org.crmgraph.graph.order.CustomerOrders;
import org.crmgraph.graph.order.Order;
import org.crmgraph.graph.page.Page;
import org.crmgraph.graph.page.Pages;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.graph.page.SortOrder;
import org.crmgraph.graph.product.Product;
import org.crmgraph.graph.validation.FieldError;
import org.crmgraph.graph.validation.Outcome;
import org.crmgraph.importer.identity.DuplicateResolution;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class CustomerController {

    record CustomerSortInput(CustomerSort field, SortDirection direction) implements SortInput {

        @Override
        public org.crmgraph.graph.page.SortKey key() {
            return field.key();
        }

        CustomerSortInput {
            direction = direction == null ? SortDirection.ASC : direction;
        }

        /** By name for those who see names; by creation for the roles that may not sort by a masked name. */
        static CustomerSortInput byDefault(Caller caller) {
            boolean seesNames = caller != null && caller.role().seesPersonalData();
            return new CustomerSortInput(seesNames ? CustomerSort.NAME : CustomerSort.CREATED_AT, SortDirection.ASC);
        }
    }

    /** Update input: an omitted field stays as it is, an explicit null removes it. */
    record UpdateCustomerInput(
            ArgumentValue<String> name,
            ArgumentValue<String> email,
            ArgumentValue<String> phone,
            ArgumentValue<String> country,
            ArgumentValue<String> city,
            ArgumentValue<String> givenName,
            ArgumentValue<String> familyName,
            ArgumentValue<String> street,
            ArgumentValue<String> postcode,
            ArgumentValue<String> region,
            ArgumentValue<String> birthDate) {

        CustomerInput toInput() {
            Set<String> cleared = new HashSet<>();
            Map<String, ArgumentValue<String>> fields = new java.util.HashMap<>();
            fields.put("name", name);
            fields.put("email", email);
            fields.put("phone", phone);
            fields.put("country", country);
            fields.put("city", city);
            fields.put("givenName", givenName);
            fields.put("familyName", familyName);
            fields.put("street", street);
            fields.put("postcode", postcode);
            fields.put("region", region);
            fields.put("birthDate", birthDate);
            fields.forEach((field, value) -> {
                if (value != null && !value.isOmitted() && !value.isPresent()) {
                    cleared.add(field);
                }
            });
            return new CustomerInput(
                    valueOf(name),
                    valueOf(email),
                    valueOf(phone),
                    valueOf(country),
                    valueOf(city),
                    valueOf(givenName),
                    valueOf(familyName),
                    valueOf(street),
                    valueOf(postcode),
                    valueOf(region),
                    valueOf(birthDate),
                    cleared);
        }

        private static String valueOf(ArgumentValue<String> value) {
            return value == null ? null : value.value();
        }
    }

    record CustomerPayload(Customer customer, List<FieldError> errors) {
        static CustomerPayload of(Outcome<Customer> outcome) {
            return new CustomerPayload(outcome.value(), outcome.errors());
        }
    }

    private final CustomerService customers;
    private final org.crmgraph.graph.order.OrderService orders;
    private final Pages paging;

    private final DuplicateResolution duplicates;

    CustomerController(
            CustomerService customers,
            org.crmgraph.graph.order.OrderService orders,
            Pages paging,
            DuplicateResolution duplicates) {
        this.duplicates = duplicates;
        this.customers = customers;
        this.orders = orders;
        this.paging = paging;
    }

    /**
     * A selection that asks for the customer's orders and their lines is read with both in one statement (one
     * transaction instead of three); the orders' and lines' batch loaders then find them in the request's
     * {@link Prefetched}.
     */
    @QueryMapping
    Customer customer(@Argument String id, DataFetchingFieldSelectionSet selection, GraphQLContext context) {
        if (!selection.contains("orders/lines")) {
            return customers.find(id).orElse(null);
        }
        return orders.customerWithOrders(id)
                .map(read -> {
                    Prefetched prefetched = Prefetched.in(context);
                    prefetched.put(
                            Prefetched.CUSTOMER_ORDERS, Map.of(read.customer().id(), read.orders()));
                    prefetched.put(Prefetched.ORDER_LINES, read.lines());
                    return read.customer();
                })
                .orElse(null);
    }

    @QueryMapping
    Customer customerBySourceId(@Argument String source, @Argument String externalId) {
        return customers.bySourceId(source, externalId).orElse(null);
    }

    @BatchMapping(typeName = "Customer", field = "sourceRecords")
    Map<Customer, List<SourceRecordRef>> sourceRecords(List<Customer> parents) {
        return BatchResults.lists(
                parents,
                Customer::id,
                customers.sourceRecords(
                        BatchResults.keys(parents, Customer::id),
                        paging.properties().nestedListLimit()));
    }

    @QueryMapping
    Connection<Customer> customers(
            @Argument Integer first,
            @Argument String after,
            @Argument CustomerFilter filter,
            @Argument Map<String, Object> where,
            @Argument CustomerSortInput orderBy,
            @Argument List<CustomerSortInput> sort,
            DataFetchingFieldSelectionSet selection,
            GraphQLContext context) {
        return list(first, after, filter, where, orderBy, sort, selection, context);
    }

    /** A buyer on a page of a product's buyers: the relationship's data (units bought) on the edge. */
    record BuyerEdge(String cursor, Customer node, long quantity) {}

    record BuyerConnection(List<BuyerEdge> edges, Connection.PageInfo pageInfo, long totalCount) {}

    /**
     * A product's buyers as a connection: customers with an order that contains it, paged like {@code customers},
     * each edge with the units that customer bought (one query for the page).
     */
    @SchemaMapping(typeName = "Product", field = "buyersConnection")
    BuyerConnection productBuyersConnection(
            Product product,
            @Argument Integer first,
            @Argument String after,
            @Argument Map<String, Object> where,
            @Argument CustomerSortInput orderBy,
            @Argument List<CustomerSortInput> sort,
            DataFetchingFieldSelectionSet selection,
            GraphQLContext context) {
        Map<String, Object> boughtIt =
                Map.of("productsBought", Map.of("some", Map.of("sku", Map.of("eq", product.sku()))));
        Map<String, Object> both = where == null ? boughtIt : Map.of("AND", List.of(boughtIt, where));
        Connection<Customer> page = list(first, after, null, both, orderBy, sort, selection, context);
        Map<String, Long> units = page.edges().isEmpty()
                ? Map.of()
                : orders.unitsBought(
                        product.sku(),
                        page.edges().stream().map(e -> e.node().id()).toList());
        return new BuyerConnection(
                page.edges().stream()
                        .map(e -> new BuyerEdge(
                                e.cursor(),
                                e.node(),
                                units.getOrDefault(e.node().id(), 0L)))
                        .toList(),
                page.pageInfo(),
                page.totalCount());
    }

    private Connection<Customer> list(
            Integer first,
            String after,
            CustomerFilter filter,
            Map<String, Object> where,
            CustomerSortInput orderBy,
            List<CustomerSortInput> sortKeys,
            DataFetchingFieldSelectionSet selection,
            GraphQLContext context) {
        List<SortOrder> sorting = SortInput.orders(sortKeys);
        if (sorting == null) {
            sorting = List.of((orderBy != null ? orderBy : CustomerSortInput.byDefault(Caller.current())).order());
        }
        List<SortOrder> ordering = sorting;
        var request = Connection.counting(selection, paging.request(first, after, SortOrder.ordering(ordering)));
        if (selection.contains("edges/node/orders")) {
            return Connection.of(
                    selection,
                    () -> withOrders(
                            orders.customersWithOrders(customers.listConditions(filter, where), ordering, request),
                            context),
                    new CustomerQuery(filter, where));
        }
        return Connection.of(
                selection, () -> customers.page(filter, where, ordering, request), new CustomerQuery(filter, where));
    }

    /**
     * A page whose selection asks for each customer's orders is read with them in one statement (as a peer that
     * compiles a query into one statement does); the orders' batch loader then finds them in {@link Prefetched}.
     */
    private static Page<Customer> withOrders(Page<CustomerOrders> page, GraphQLContext context) {
        Map<String, List<Order>> placed = new HashMap<>();
        List<Page.Edge<Customer>> edges = new ArrayList<>(page.edges().size());
        for (Page.Edge<CustomerOrders> edge : page.edges()) {
            placed.put(edge.node().customer().id(), edge.node().orders());
            edges.add(new Page.Edge<>(edge::cursor, edge.node().customer()));
        }
        Prefetched.in(context).put(Prefetched.CUSTOMER_ORDERS, placed);
        return new Page<>(edges, page.hasNextPage(), page.hasPreviousPage(), page.totalCount());
    }

    /** What a customer list was asked for, kept on its connection for {@code aggregate}. */
    record CustomerQuery(CustomerFilter filter, Map<String, Object> where) {}

    /** Sum, minimum, maximum and mean of a number over the customers that have it; null when none has. */
    record FloatAggregate(Double sum, Double min, Double max, Double avg) {}

    record CustomerGroupView(
            Map<String, Object> key,
            long count,
            FloatAggregate monetary,
            FloatAggregate lifetimeValue,
            FloatAggregate churnRisk) {}

    /** Groups of the customers the connection's filters match, over all pages. */
    @SchemaMapping(typeName = "CustomerConnection", field = "aggregate")
    List<CustomerGroupView> aggregate(
            Connection<Customer> connection,
            @Argument List<CustomerGrouping> groupBy,
            @Argument TimeBucket period,
            @Argument Integer first) {
        CustomerQuery query = (CustomerQuery) connection.query();
        int limit = PagingProperties.listLength(first, 100, 1000);
        if (limit == 0) {
            return List.of();
        }
        return customers.groups(query.filter(), query.where(), groupBy, period, limit).stream()
                .map(group -> new CustomerGroupView(
                        group.key(),
                        group.count(),
                        figures(group.values(), "monetary"),
                        figures(group.values(), "lifetimeValue"),
                        figures(group.values(), "churnRisk")))
                .toList();
    }

    private static FloatAggregate figures(Map<String, Double> values, String metric) {
        // sum() of nothing is 0 in Cypher, avg() is null: only the mean says whether any member had the metric
        if (!values.containsKey(metric + "Avg")) {
            return null;
        }
        return new FloatAggregate(
                values.get(metric + "Sum"),
                values.get(metric + "Min"),
                values.get(metric + "Max"),
                values.get(metric + "Avg"));
    }

    @MutationMapping
    CustomerPayload createCustomer(@Argument CustomerInput input) {
        var created = customers.create(input);
        if (created.succeeded()) {
            // the same matcher as imports; its likely duplicates wait in the review queue (duplicateCandidates)
            duplicates.created(created.value().id());
        }
        return CustomerPayload.of(created);
    }

    record UpsertCustomerPayload(Customer customer, Boolean created, List<FieldError> errors) {}

    @MutationMapping
    UpsertCustomerPayload upsertCustomer(@Argument CustomerMatch match, @Argument CustomerInput input) {
        var outcome = customers.upsert(match, input);
        return outcome.succeeded()
                ? new UpsertCustomerPayload(
                        outcome.value().customer(), outcome.value().created(), List.of())
                : new UpsertCustomerPayload(null, null, outcome.errors());
    }

    @MutationMapping
    CustomerPayload updateCustomer(@Argument String id, @Argument UpdateCustomerInput input) {
        return CustomerPayload.of(customers.update(id, input.toInput()));
    }

    @MutationMapping
    DeletePayload deleteCustomer(@Argument String id) {
        return DeletePayload.of(customers.delete(id));
    }
}
