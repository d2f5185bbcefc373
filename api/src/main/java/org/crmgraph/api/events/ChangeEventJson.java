package org.crmgraph.api.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.crmgraph.graph.event.DomainEvent;
import org.crmgraph.graph.outbox.ChangeEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A change event as the JSON other systems receive, the same for a webhook delivery and a Kafka record. Like the change
 * log it holds ids and field names, never personal values: a receiver that needs the customer's name asks the API with
 * its own key, and gets what that key's role may see.
 *
 * <pre>{"id":"42","type":"TICKET_OPENED","occurredAt":"2026-12-02T07:00:00Z","actor":"shop",
 *  "entity":{"type":"Ticket","id":"T-17"},"data":{"customerId":"C-9"}}</pre>
 *
 * {@code id} is the event's position in the change log: the same in every delivery, retry and republication of the
 * event, so a receiver can drop repeats by it.
 */
@Component
public class ChangeEventJson {

    private final JsonMapper json;

    ChangeEventJson(JsonMapper json) {
        this.json = json;
    }

    /** The body's fields, for callers that look into them (which customers an event concerns). */
    public Map<String, Object> body(ChangeEvent change) {
        DomainEvent event = change.event();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", Long.toString(change.position()));
        body.put("type", event.type());
        body.put("occurredAt", event.occurredAt().toString());
        body.put("actor", change.actor());
        body.put("entity", Map.of("type", event.entityType(), "id", event.entityId()));
        Map<String, Object> data = new TreeMap<>();
        event.attributes().forEach((name, value) -> {
            if (value != null) {
                data.put(name, value);
            }
        });
        body.put("data", data);
        return body;
    }

    public String write(ChangeEvent change) {
        return json.writeValueAsString(body(change));
    }

    public String write(Map<String, Object> body) {
        return json.writeValueAsString(body);
    }
}
