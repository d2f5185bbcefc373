package org.crmgraph.graph.interaction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.crmgraph.graph.event.DomainEvents;
import org.crmgraph.graph.event.InteractionRecorded;
import org.crmgraph.graph.outbox.Outbox;
import org.crmgraph.graph.page.Page;
import org.crmgraph.graph.page.PageRequest;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.graph.validation.Checks;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.FieldError;
import org.crmgraph.graph.validation.Outcome;
import org.springframework.stereotype.Service;

@Service
public class InteractionService {

    private final InteractionRepository interactions;
    private final PagingProperties paging;
    private final Outbox outbox;
    private final DomainEvents events;

    InteractionService(
            InteractionRepository interactions, PagingProperties paging, Outbox outbox, DomainEvents events) {
        this.interactions = interactions;
        this.paging = paging;
        this.outbox = outbox;
        this.events = events;
    }

    public Page<Interaction> page(
            InteractionFilter filter, InteractionSort sort, boolean descending, PageRequest request) {
        return interactions.page(filter == null ? InteractionFilter.NONE : filter, sort, descending, request);
    }

    /** Newest first, at most the nested-list limit per customer. */
    public java.util.Optional<Interaction> find(String id) {
        return interactions.find(id);
    }

    /** By id, in one read; ids of none are left out. */
    public Map<String, Interaction> findAll(Collection<String> ids) {
        return interactions.findAll(ids);
    }

    public Map<String, List<Interaction>> ofCustomers(Collection<String> customerIds) {
        return interactions.ofCustomers(customerIds, paging.nestedListLimit());
    }

    public Outcome<Interaction> record(RecordInteractionInput input) {
        Checks checks = new Checks();
        String customerId = checks.text("customerId", input.customerId(), 100, true);
        String type = checks.text("type", input.type(), 50, true);
        String productSku = checks.code("productSku", input.productSku(), 64, false);
        if (input.channel() == null) {
            checks.add("channel", ErrorCode.REQUIRED, "channel is required.");
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("id", UUID.randomUUID().toString());
        properties.put(
                "channel", input.channel() == null ? null : input.channel().name());
        properties.put(
                "type", type == null ? null : type.toLowerCase(Locale.ROOT).replace(' ', '_'));
        properties.put("text", checks.longText("text", input.text(), 20_000, false));
        if (!checks.ok()) {
            return Outcome.failure(checks.errors());
        }
        var recorded = interactions.record(
                customerId,
                productSku,
                input.occurredAt(),
                properties,
                (tx, interaction) -> outbox.record(
                        tx,
                        new InteractionRecorded(
                                interaction.id(), customerId, input.channel().name(), events.now())));
        List<FieldError> errors = new ArrayList<>();
        if (!recorded.customerExists()) {
            errors.add(FieldError.of("customerId", ErrorCode.NOT_FOUND, "No customer has id '" + customerId + "'."));
        }
        if (!recorded.productExists()) {
            errors.add(FieldError.of("productSku", ErrorCode.NOT_FOUND, "No product has SKU '" + productSku + "'."));
        }
        return errors.isEmpty() ? Outcome.success(recorded.interaction()) : Outcome.failure(errors);
    }
}
