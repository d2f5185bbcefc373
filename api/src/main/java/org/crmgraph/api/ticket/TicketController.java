package org.crmgraph.api.ticket;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.Map;
import org.crmgraph.api.graphql.BatchResults;
import org.crmgraph.api.graphql.Connection;
import org.crmgraph.api.graphql.SortDirection;
import org.crmgraph.api.graphql.SortInput;
import org.crmgraph.graph.article.Article;
import org.crmgraph.graph.article.ArticleService;
import org.crmgraph.graph.customer.Customer;
import org.crmgraph.graph.customer.CustomerService;
import org.crmgraph.graph.filter.TimeBucket;
import org.crmgraph.graph.page.Pages;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.graph.page.SortOrder;
import org.crmgraph.graph.product.Product;
import org.crmgraph.graph.product.ProductService;
import org.crmgraph.graph.ticket.Ticket;
import org.crmgraph.graph.ticket.TicketFilter;
import org.crmgraph.graph.ticket.TicketGrouping;
import org.crmgraph.graph.ticket.TicketInputs;
import org.crmgraph.graph.ticket.TicketService;
import org.crmgraph.graph.ticket.TicketSort;
import org.crmgraph.graph.validation.FieldError;
import org.crmgraph.graph.validation.Outcome;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class TicketController {

    /** An explicit {@code orderBy: null} or {@code direction: null} means the schema's default, not a failure. */
    record TicketSortInput(TicketSort field, SortDirection direction) implements SortInput {

        @Override
        public org.crmgraph.graph.page.SortKey key() {
            return field.key();
        }

        static final TicketSortInput DEFAULT = new TicketSortInput(TicketSort.CREATED_AT, SortDirection.DESC);

        TicketSortInput {
            direction = direction == null ? SortDirection.DESC : direction;
        }
    }

    record TicketPayload(Ticket ticket, List<FieldError> errors) {
        static TicketPayload of(Outcome<Ticket> outcome) {
            return new TicketPayload(outcome.value(), outcome.errors());
        }
    }

    private final TicketService tickets;
    private final CustomerService customers;
    private final ProductService products;
    private final ArticleService articles;
    private final Pages paging;

    TicketController(
            TicketService tickets,
            CustomerService customers,
            ProductService products,
            ArticleService articles,
            Pages paging) {
        this.tickets = tickets;
        this.customers = customers;
        this.products = products;
        this.articles = articles;
        this.paging = paging;
    }

    @QueryMapping
    Ticket ticket(@Argument String id) {
        return tickets.find(id).orElse(null);
    }

    /** What a ticket list was asked for, kept on its connection for {@code aggregate}. */
    record TicketQuery(TicketFilter filter, Map<String, Object> where) {}

    record TicketGroupView(Map<String, Object> key, long count) {}

    @QueryMapping
    Connection<Ticket> tickets(
            @Argument Integer first,
            @Argument String after,
            @Argument TicketFilter filter,
            @Argument Map<String, Object> where,
            @Argument TicketSortInput orderBy,
            @Argument List<TicketSortInput> sort,
            DataFetchingFieldSelectionSet selection) {
        return list(first, after, filter, where, orderBy, sort, selection);
    }

    /** A customer's tickets as a connection: the top-level list with the customer's id as a filter. */
    @SchemaMapping(typeName = "Customer", field = "ticketsConnection")
    Connection<Ticket> customerTicketsConnection(
            Customer customer,
            @Argument Integer first,
            @Argument String after,
            @Argument Map<String, Object> where,
            @Argument TicketSortInput orderBy,
            @Argument List<TicketSortInput> sort,
            DataFetchingFieldSelectionSet selection) {
        TicketFilter own = new TicketFilter(null, null, null, customer.id(), null, null, null, null, null, null);
        return list(first, after, own, where, orderBy, sort, selection);
    }

    /** The tickets an article resolved, as a connection. */
    @SchemaMapping(typeName = "Article", field = "ticketsConnection")
    Connection<Ticket> articleTicketsConnection(
            Article article,
            @Argument Integer first,
            @Argument String after,
            @Argument Map<String, Object> where,
            @Argument TicketSortInput orderBy,
            @Argument List<TicketSortInput> sort,
            DataFetchingFieldSelectionSet selection) {
        Map<String, Object> resolvedByIt = Map.of("resolvedBy", Map.of("id", Map.of("eq", article.id())));
        Map<String, Object> both = where == null ? resolvedByIt : Map.of("AND", List.of(resolvedByIt, where));
        return list(first, after, TicketFilter.NONE, both, orderBy, sort, selection);
    }

    private Connection<Ticket> list(
            Integer first,
            String after,
            TicketFilter filter,
            Map<String, Object> where,
            TicketSortInput orderBy,
            List<TicketSortInput> sortKeys,
            DataFetchingFieldSelectionSet selection) {
        List<SortOrder> sorting = SortInput.orders(sortKeys);
        if (sorting == null) {
            sorting = List.of(orderBy == null ? TicketSortInput.DEFAULT.order() : orderBy.order());
        }
        List<SortOrder> ordering = sorting;
        var request = Connection.counting(selection, paging.request(first, after, SortOrder.ordering(ordering)));
        return Connection.of(
                selection, () -> tickets.page(filter, where, ordering, request), new TicketQuery(filter, where));
    }

    /** Groups of the tickets the connection's filter matches, over all pages. */
    @SchemaMapping(typeName = "TicketConnection", field = "aggregate")
    List<TicketGroupView> aggregate(
            Connection<Ticket> connection,
            @Argument List<TicketGrouping> groupBy,
            @Argument TimeBucket period,
            @Argument Integer first) {
        TicketQuery query = (TicketQuery) connection.query();
        int limit = PagingProperties.listLength(first, 100, 1000);
        if (limit == 0) {
            return List.of();
        }
        return tickets.groups(query.filter(), query.where(), groupBy, period, limit).stream()
                .map(group -> new TicketGroupView(group.key(), group.count()))
                .toList();
    }

    @MutationMapping
    TicketPayload openTicket(@Argument TicketInputs.Open input) {
        return TicketPayload.of(tickets.open(input));
    }

    @MutationMapping
    TicketPayload updateTicket(@Argument String id, @Argument TicketInputs.Update input) {
        return TicketPayload.of(tickets.update(id, input));
    }

    record UpdateTicketsPayload(List<Ticket> tickets, List<FieldError> errors) {}

    /** Most tickets one bulk update may change: each is its own write, and a request must stay short. */
    private static final int MAX_BULK = 100;

    /**
     * The same changes to several tickets, each checked and written on its own: a ticket that fails (unknown, or a
     * change its state refuses) is named in the errors by its position in {@code ids}, and the others are changed.
     */
    @MutationMapping
    UpdateTicketsPayload updateTickets(@Argument List<String> ids, @Argument TicketInputs.Update input) {
        if (ids.size() > MAX_BULK) {
            return new UpdateTicketsPayload(
                    List.of(),
                    List.of(FieldError.of(
                            "ids",
                            org.crmgraph.graph.validation.ErrorCode.OUT_OF_RANGE,
                            "At most " + MAX_BULK + " tickets can be updated at once, were " + ids.size() + ".")));
        }
        List<Ticket> updated = new java.util.ArrayList<>();
        List<FieldError> errors = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Outcome<Ticket> outcome = tickets.update(ids.get(i), input);
            if (outcome.succeeded()) {
                updated.add(outcome.value());
                continue;
            }
            for (FieldError error : outcome.errors()) {
                // an error about the ticket itself names its place in ids; one about a change names the input field
                boolean aboutTheTicket =
                        error.field().isEmpty() || error.field().getFirst().equals("id");
                List<String> field = new java.util.ArrayList<>();
                if (aboutTheTicket) {
                    field.addAll(List.of("ids", String.valueOf(i)));
                } else {
                    field.add("input");
                    field.addAll(error.field());
                }
                errors.add(new FieldError(field, error.code(), "Ticket " + ids.get(i) + ": " + error.message()));
            }
        }
        return new UpdateTicketsPayload(updated, errors);
    }

    @MutationMapping
    TicketPayload resolveTicket(@Argument String id, @Argument TicketInputs.Resolve input) {
        return TicketPayload.of(tickets.resolve(id, input));
    }

    @BatchMapping(typeName = "Customer", field = "tickets")
    Map<Customer, List<Ticket>> customerTickets(List<Customer> parents) {
        return BatchResults.lists(parents, Customer::id, tickets.ofCustomers(BatchResults.keys(parents, Customer::id)));
    }

    @BatchMapping(typeName = "Article", field = "resolvedTickets")
    Map<Article, List<Ticket>> resolvedTickets(List<Article> parents) {
        return BatchResults.lists(parents, Article::id, tickets.resolvedWith(BatchResults.keys(parents, Article::id)));
    }

    @BatchMapping(typeName = "Ticket", field = "customer")
    Map<Ticket, Customer> ticketCustomer(List<Ticket> parents) {
        return BatchResults.single(
                parents, Ticket::customerId, customers.findAll(BatchResults.keys(parents, Ticket::customerId)));
    }

    @BatchMapping(typeName = "Ticket", field = "product")
    Map<Ticket, Product> ticketProduct(List<Ticket> parents) {
        return BatchResults.single(
                parents, Ticket::productSku, products.findAll(BatchResults.keys(parents, Ticket::productSku)));
    }

    @BatchMapping(typeName = "Ticket", field = "resolvedBy")
    Map<Ticket, Article> ticketArticle(List<Ticket> parents) {
        return BatchResults.single(
                parents, Ticket::articleId, articles.findAll(BatchResults.keys(parents, Ticket::articleId)));
    }
}
