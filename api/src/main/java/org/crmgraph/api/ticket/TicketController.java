package org.crmgraph.api.ticket;

import java.util.List;
import java.util.Map;
import org.crmgraph.api.graphql.BatchResults;
import org.crmgraph.api.graphql.Connection;
import org.crmgraph.api.graphql.SortDirection;
import org.crmgraph.graph.article.Article;
import org.crmgraph.graph.article.ArticleService;
import org.crmgraph.graph.customer.Customer;
import org.crmgraph.graph.customer.CustomerService;
import org.crmgraph.graph.page.Pages;
import org.crmgraph.graph.product.Product;
import org.crmgraph.graph.product.ProductService;
import org.crmgraph.graph.ticket.Ticket;
import org.crmgraph.graph.ticket.TicketFilter;
import org.crmgraph.graph.ticket.TicketInputs;
import org.crmgraph.graph.ticket.TicketService;
import org.crmgraph.graph.ticket.TicketSort;
import org.crmgraph.graph.validation.FieldError;
import org.crmgraph.graph.validation.Outcome;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class TicketController {

    /** An explicit {@code orderBy: null} or {@code direction: null} means the schema's default, not a failure. */
    record TicketSortInput(TicketSort field, SortDirection direction) {

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

    @QueryMapping
    Connection<Ticket> tickets(
            @Argument Integer first,
            @Argument String after,
            @Argument TicketFilter filter,
            @Argument TicketSortInput orderBy) {
        TicketSortInput sort = orderBy == null ? TicketSortInput.DEFAULT : orderBy;
        boolean descending = sort.direction().descending();
        var request = paging.request(first, after, sort.field().key(), descending);
        return Connection.of(tickets.page(filter, sort.field(), descending, request));
    }

    @MutationMapping
    TicketPayload openTicket(@Argument TicketInputs.Open input) {
        return TicketPayload.of(tickets.open(input));
    }

    @MutationMapping
    TicketPayload updateTicket(@Argument String id, @Argument TicketInputs.Update input) {
        return TicketPayload.of(tickets.update(id, input));
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
