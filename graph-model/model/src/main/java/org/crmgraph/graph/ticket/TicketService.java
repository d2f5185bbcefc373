package org.crmgraph.graph.ticket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.crmgraph.graph.event.DomainEvents;
import org.crmgraph.graph.event.TicketOpened;
import org.crmgraph.graph.event.TicketResolved;
import org.crmgraph.graph.event.TicketUpdated;
import org.crmgraph.graph.interaction.Channel;
import org.crmgraph.graph.outbox.Outbox;
import org.crmgraph.graph.page.Page;
import org.crmgraph.graph.page.PageRequest;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.graph.page.SortOrder;
import org.crmgraph.graph.validation.Checks;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.FieldError;
import org.crmgraph.graph.validation.Outcome;
import org.springframework.stereotype.Service;

/** Opening, changing and resolving support tickets; reference checks and writes share one transaction. */
@Service
public class TicketService {

    private final TicketRepository tickets;
    private final PagingProperties paging;
    private final DomainEvents events;
    private final Outbox outbox;

    TicketService(TicketRepository tickets, PagingProperties paging, DomainEvents events, Outbox outbox) {
        this.tickets = tickets;
        this.paging = paging;
        this.events = events;
        this.outbox = outbox;
    }

    public Optional<Ticket> find(String id) {
        return Optional.ofNullable(tickets.findByIds(List.of(id)).get(id));
    }

    public Map<String, Ticket> findAll(Collection<String> ids) {
        return tickets.findByIds(ids);
    }

    /** Tickets in groups (see {@code TicketRepository.groups}); at most {@code limit} groups. */
    public List<org.crmgraph.graph.filter.Group> groups(
            TicketFilter filter,
            Map<String, ?> where,
            List<TicketGrouping> by,
            org.crmgraph.graph.filter.TimeBucket period,
            int limit) {
        return tickets.groups(
                filter == null ? TicketFilter.NONE : filter, where, by == null ? List.of() : by, period, limit);
    }

    /** A page of the list; {@code where} is the filter language of {@link org.crmgraph.graph.filter.Where}. */
    public Page<Ticket> page(
            TicketFilter filter, Map<String, ?> where, TicketSort sort, boolean descending, PageRequest request) {
        return tickets.page(
                filter == null ? TicketFilter.NONE : filter,
                where,
                List.of(new SortOrder(sort.key(), descending)),
                request);
    }

    /** A page sorted by several keys, the first deciding first. */
    public Page<Ticket> page(TicketFilter filter, Map<String, ?> where, List<SortOrder> sorting, PageRequest request) {
        return tickets.page(filter == null ? TicketFilter.NONE : filter, where, sorting, request);
    }

    /** Newest first, at most the nested-list limit per customer. */
    public Map<String, List<Ticket>> ofCustomers(Collection<String> customerIds) {
        return tickets.ofCustomers(customerIds, paging.nestedListLimit());
    }

    /** Tickets each article resolved, most recently resolved first. */
    public Map<String, List<Ticket>> resolvedWith(Collection<String> articleIds) {
        return tickets.resolvedWith(articleIds, paging.nestedListLimit());
    }

    public Outcome<Ticket> open(TicketInputs.Open input) {
        Checks checks = new Checks();
        String customerId = checks.text("customerId", input.customerId(), 100, true);
        String productSku = checks.code("productSku", input.productSku(), 64, false);
        Map<String, Object> properties = new HashMap<>();
        properties.put("id", UUID.randomUUID().toString());
        properties.put("subject", checks.text("subject", input.subject(), 300, true));
        properties.put("body", checks.longText("body", input.body(), 20_000, true));
        properties.put("priority", (input.priority() == null ? TicketPriority.MEDIUM : input.priority()).name());
        properties.put("channel", (input.channel() == null ? Channel.WEB : input.channel()).name());
        properties.put("category", checks.text("category", input.category(), 100, false));
        if (!checks.ok()) {
            return Outcome.failure(checks.errors());
        }
        return tickets.cypher().<Outcome<Ticket>>inWrite(tx -> {
            var refs = TicketRepository.references(tx, null, customerId, productSku, null);
            List<FieldError> errors = new ArrayList<>();
            if (!refs.customer()) {
                errors.add(
                        FieldError.of("customerId", ErrorCode.NOT_FOUND, "No customer has id '" + customerId + "'."));
            }
            if (productSku != null && !refs.product()) {
                errors.add(
                        FieldError.of("productSku", ErrorCode.NOT_FOUND, "No product has SKU '" + productSku + "'."));
            }
            if (!errors.isEmpty()) {
                return Outcome.<Ticket>failure(errors);
            }
            TicketOpened opened = new TicketOpened((String) properties.get("id"), customerId, productSku, events.now());
            Ticket ticket =
                    TicketRepository.open(tx, customerId, productSku, properties, outbox.pending(List.of(opened)));
            return Outcome.success(ticket);
        });
    }

    public Outcome<Ticket> update(String id, TicketInputs.Update input) {
        Checks checks = new Checks();
        Map<String, Object> changes = new HashMap<>();
        putIfPresent(changes, "subject", checks.text("subject", input.subject(), 300, false));
        putIfPresent(changes, "body", checks.longText("body", input.body(), 20_000, false));
        putIfPresent(changes, "category", checks.text("category", input.category(), 100, false));
        putIfPresent(
                changes,
                "priority",
                input.priority() == null ? null : input.priority().name());
        String productSku = checks.code("productSku", input.productSku(), 64, false);
        if (input.status() == TicketStatus.RESOLVED) {
            checks.add(
                    "status",
                    ErrorCode.INVALID_STATE,
                    "Use resolveTicket to resolve a ticket, so the resolution is recorded.");
        } else if (input.status() != null) {
            changes.put("status", input.status().name());
        }
        if (!checks.ok()) {
            return Outcome.failure(checks.errors());
        }
        return tickets.cypher().<Outcome<Ticket>>inWrite(tx -> {
            var refs = TicketRepository.references(tx, id, null, productSku, null);
            if (refs.status() == null) {
                return Outcome.failure("id", ErrorCode.NOT_FOUND, "No ticket has id '" + id + "'.");
            }
            if (productSku != null && !refs.product()) {
                return Outcome.failure("productSku", ErrorCode.NOT_FOUND, "No product has SKU '" + productSku + "'.");
            }
            if (input.status() == TicketStatus.OPEN || input.status() == TicketStatus.IN_PROGRESS) {
                // Reopening drops the old resolution's timestamp so reports do not count it as resolved.
                changes.put("resolvedAt", null);
            }
            Ticket ticket = TicketRepository.update(tx, id, changes, productSku).orElseThrow();
            outbox.record(tx, new TicketUpdated(ticket.id(), changedFields(changes, productSku), events.now()));
            return Outcome.success(ticket);
        });
    }

    public Outcome<Ticket> resolve(String id, TicketInputs.Resolve input) {
        Checks checks = new Checks();
        String resolution = checks.longText("resolution", input.resolution(), 20_000, true);
        String articleId = checks.text("articleId", input.articleId(), 100, false);
        if (!checks.ok()) {
            return Outcome.failure(checks.errors());
        }
        return tickets.cypher().<Outcome<Ticket>>inWrite(tx -> {
            var refs = TicketRepository.references(tx, id, null, null, articleId);
            if (refs.status() == null) {
                return Outcome.failure("id", ErrorCode.NOT_FOUND, "No ticket has id '" + id + "'.");
            }
            if (TicketStatus.RESOLVED.name().equals(refs.status())
                    || TicketStatus.CLOSED.name().equals(refs.status())) {
                return Outcome.failure(
                        "id",
                        ErrorCode.INVALID_STATE,
                        "Ticket '" + id + "' is already " + refs.status() + "; reopen it first.");
            }
            if (articleId != null && !refs.article()) {
                return Outcome.failure("articleId", ErrorCode.NOT_FOUND, "No article has id '" + articleId + "'.");
            }
            Ticket ticket = TicketRepository.resolve(tx, id, resolution, articleId);
            outbox.record(tx, new TicketResolved(ticket.id(), articleId, events.now()));
            return Outcome.success(ticket);
        });
    }

    private static List<String> changedFields(Map<String, Object> changes, String productSku) {
        List<String> fields = new ArrayList<>(changes.keySet());
        if (productSku != null) {
            fields.add("productSku");
        }
        fields.remove("resolvedAt");
        fields.sort(null);
        return fields;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
