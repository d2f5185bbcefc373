package org.crmgraph.api.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crmgraph.graph.event.DomainEvent;
import org.crmgraph.graph.outbox.ChangeEvent;
import org.crmgraph.graph.webhook.WebhookStore;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON a webhook receives for an event. Like the change log it holds ids and field names, never personal values:
 * a receiver that needs the customer's name asks the API with its own key, and gets what that key's role may see.
 *
 * <pre>{"id":"42","type":"TICKET_OPENED","occurredAt":"2026-12-02T07:00:00Z","actor":"shop",
 *  "entity":{"type":"Ticket","id":"T-17"},"data":{"customerId":"C-9"}}</pre>
 *
 * {@code id} is the event's position in the change log: the same in every delivery and retry of the event, so a
 * receiver can drop repeats by it.
 */
@Component
class WebhookBodies {

    private final JsonMapper json;

    WebhookBodies(JsonMapper json) {
        this.json = json;
    }

    WebhookStore.Described describe(ChangeEvent change) {
        DomainEvent event = change.event();
        String entity =
                WebhookEventType.of(event.type()).map(WebhookEventType::entity).orElse("Other");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", Long.toString(change.position()));
        body.put("type", event.type());
        body.put("occurredAt", event.occurredAt().toString());
        body.put("actor", change.actor());
        body.put("entity", Map.of("type", entity, "id", event.entityId()));
        Map<String, Object> data = new TreeMap<>();
        event.attributes().forEach((name, value) -> {
            if (value != null) {
                data.put(name, value);
            }
        });
        body.put("data", data);
        List<String> customers = new ArrayList<>();
        if (entity.equals("Customer")) {
            customers.add(event.entityId());
        }
        for (String name : List.of("customerId", "mergedId")) {
            if (data.get(name) instanceof String id) {
                customers.add(id);
            }
        }
        return new WebhookStore.Described(json.writeValueAsString(body), customers);
    }
}
