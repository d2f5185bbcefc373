package org.crmgraph.api.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmgraph.graph.article.Article;
import org.crmgraph.graph.article.ArticleService;
import org.crmgraph.graph.customer.Customer;
import org.crmgraph.graph.customer.CustomerService;
import org.crmgraph.graph.interaction.Interaction;
import org.crmgraph.graph.interaction.InteractionService;
import org.crmgraph.graph.order.Order;
import org.crmgraph.graph.order.OrderService;
import org.crmgraph.graph.product.Product;
import org.crmgraph.graph.product.ProductService;
import org.crmgraph.graph.ticket.Ticket;
import org.crmgraph.graph.ticket.TicketService;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Relay's {@code node(id)} and {@code nodes(ids)} over the graph's entities, and each entity's {@code globalId}.
 * A front end's normalised cache refetches any object by the one id it keeps.
 */
@Controller
class NodeController {

    private static final int MAX_IDS = 100;

    private final CustomerService customers;
    private final ProductService products;
    private final OrderService orders;
    private final TicketService tickets;
    private final ArticleService articles;
    private final InteractionService interactions;

    NodeController(
            CustomerService customers,
            ProductService products,
            OrderService orders,
            TicketService tickets,
            ArticleService articles,
            InteractionService interactions) {
        this.customers = customers;
        this.products = products;
        this.orders = orders;
        this.tickets = tickets;
        this.articles = articles;
        this.interactions = interactions;
    }

    /** Null for an unknown, malformed or foreign id: the same rule as {@code customer(id)}. */
    @QueryMapping
    Object node(@Argument String id) {
        return GlobalId.decode(id).flatMap(this::find).orElse(null);
    }

    @QueryMapping
    List<Object> nodes(@Argument List<String> ids) {
        if (ids.size() > MAX_IDS) {
            throw InvalidArgumentException.outOfRange(
                    "ids", "At most " + MAX_IDS + " ids can be asked for at once, were " + ids.size() + ".");
        }
        // one batched read per type, not one per id
        java.util.Map<String, java.util.Set<String>> byType = new java.util.HashMap<>();
        List<GlobalId> decoded = new ArrayList<>(ids.size());
        for (String id : ids) {
            GlobalId global = GlobalId.decode(id).orElse(null);
            decoded.add(global);
            if (global != null) {
                byType.computeIfAbsent(global.type(), k -> new java.util.HashSet<>())
                        .add(global.id());
            }
        }
        java.util.Map<String, java.util.Map<String, ?>> found = new java.util.HashMap<>();
        byType.forEach((type, typeIds) -> found.put(type, findAll(type, typeIds)));
        List<Object> nodes = new ArrayList<>(ids.size());
        for (GlobalId global : decoded) {
            nodes.add(global == null ? null : found.get(global.type()).get(global.id()));
        }
        return nodes;
    }

    private java.util.Map<String, ?> findAll(String type, java.util.Set<String> ids) {
        return switch (type) {
            case "Customer" -> customers.findAll(ids);
            case "Product" -> products.findAll(ids);
            case "Order" -> orders.findAll(ids);
            case "Ticket" -> tickets.findAll(ids);
            case "Article" -> articles.findAll(ids);
            // interactions are rarely refetched by global id; no batched read exists for them
            case "Interaction" -> {
                java.util.Map<String, Object> one = new java.util.HashMap<>();
                ids.forEach(id -> interactions.find(id).ifPresent(found -> one.put(id, found)));
                yield one;
            }
            default -> java.util.Map.of();
        };
    }

    private Optional<?> find(GlobalId id) {
        return switch (id.type()) {
            case "Customer" -> customers.find(id.id());
            case "Product" -> products.find(id.id());
            case "Order" -> orders.find(id.id());
            case "Ticket" -> tickets.find(id.id());
            case "Article" -> articles.find(id.id());
            case "Interaction" -> interactions.find(id.id());
            default -> Optional.empty();
        };
    }

    @SchemaMapping(typeName = "Customer", field = "globalId")
    String customerId(Customer customer) {
        return new GlobalId("Customer", customer.id()).encode();
    }

    @SchemaMapping(typeName = "Product", field = "globalId")
    String productId(Product product) {
        return new GlobalId("Product", product.sku()).encode();
    }

    @SchemaMapping(typeName = "Order", field = "globalId")
    String orderId(Order order) {
        return new GlobalId("Order", order.id()).encode();
    }

    @SchemaMapping(typeName = "Ticket", field = "globalId")
    String ticketId(Ticket ticket) {
        return new GlobalId("Ticket", ticket.id()).encode();
    }

    @SchemaMapping(typeName = "Article", field = "globalId")
    String articleId(Article article) {
        return new GlobalId("Article", article.id()).encode();
    }

    @SchemaMapping(typeName = "Interaction", field = "globalId")
    String interactionId(Interaction interaction) {
        return new GlobalId("Interaction", interaction.id()).encode();
    }
}
