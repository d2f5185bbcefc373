package org.crmgraph.api.interaction;

import java.util.List;
import java.util.Map;
import org.crmgraph.api.graphql.BatchResults;
import org.crmgraph.api.graphql.Connection;
import org.crmgraph.api.graphql.SortDirection;
import org.crmgraph.graph.customer.Customer;
import org.crmgraph.graph.customer.CustomerService;
import org.crmgraph.graph.interaction.Channel;
import org.crmgraph.graph.interaction.Interaction;
import org.crmgraph.graph.interaction.InteractionFilter;
import org.crmgraph.graph.interaction.InteractionService;
import org.crmgraph.graph.interaction.InteractionSort;
import org.crmgraph.graph.interaction.RecordInteractionInput;
import org.crmgraph.graph.page.Pages;
import org.crmgraph.graph.product.Product;
import org.crmgraph.graph.product.ProductService;
import org.crmgraph.graph.validation.FieldError;
import org.crmgraph.graph.validation.Outcome;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class InteractionController {

    /** An explicit {@code orderBy: null} or {@code direction: null} means the schema's default, not a failure. */
    record InteractionSortInput(InteractionSort field, SortDirection direction) {

        static final InteractionSortInput DEFAULT =
                new InteractionSortInput(InteractionSort.OCCURRED_AT, SortDirection.DESC);

        InteractionSortInput {
            direction = direction == null ? SortDirection.DESC : direction;
        }
    }

    record InteractionPayload(Interaction interaction, List<FieldError> errors) {
        static InteractionPayload of(Outcome<Interaction> outcome) {
            return new InteractionPayload(outcome.value(), outcome.errors());
        }
    }

    private final InteractionService interactions;
    private final CustomerService customers;
    private final ProductService products;
    private final Pages paging;

    InteractionController(
            InteractionService interactions, CustomerService customers, ProductService products, Pages paging) {
        this.interactions = interactions;
        this.customers = customers;
        this.products = products;
        this.paging = paging;
    }

    @QueryMapping
    Connection<Interaction> interactions(
            @Argument Integer first,
            @Argument String after,
            @Argument InteractionFilter filter,
            @Argument InteractionSortInput orderBy) {
        return list(first, after, filter, orderBy);
    }

    /** A customer's interactions as a connection: the top-level list with the customer's id as a filter. */
    @SchemaMapping(typeName = "Customer", field = "interactionsConnection")
    Connection<Interaction> customerInteractionsConnection(
            Customer customer,
            @Argument Integer first,
            @Argument String after,
            @Argument Channel channel,
            @Argument InteractionSortInput orderBy) {
        return list(first, after, new InteractionFilter(customer.id(), channel, null, null, null), orderBy);
    }

    private Connection<Interaction> list(
            Integer first, String after, InteractionFilter filter, InteractionSortInput orderBy) {
        InteractionSortInput sort = orderBy == null ? InteractionSortInput.DEFAULT : orderBy;
        boolean descending = sort.direction().descending();
        var request = paging.request(first, after, sort.field().key(), descending);
        return Connection.of(interactions.page(filter, sort.field(), descending, request));
    }

    @MutationMapping
    InteractionPayload recordInteraction(@Argument RecordInteractionInput input) {
        return InteractionPayload.of(interactions.record(input));
    }

    @BatchMapping(typeName = "Customer", field = "interactions")
    Map<Customer, List<Interaction>> customerInteractions(List<Customer> parents) {
        return BatchResults.lists(
                parents, Customer::id, interactions.ofCustomers(BatchResults.keys(parents, Customer::id)));
    }

    @BatchMapping(typeName = "Interaction", field = "customer")
    Map<Interaction, Customer> interactionCustomer(List<Interaction> parents) {
        return BatchResults.single(
                parents,
                Interaction::customerId,
                customers.findAll(BatchResults.keys(parents, Interaction::customerId)));
    }

    @BatchMapping(typeName = "Interaction", field = "product")
    Map<Interaction, Product> interactionProduct(List<Interaction> parents) {
        return BatchResults.single(
                parents,
                Interaction::productSku,
                products.findAll(BatchResults.keys(parents, Interaction::productSku)));
    }
}
