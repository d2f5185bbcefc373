package org.crmgraph.api.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crmgraph.api.events.ChangeEventJson;
import org.crmgraph.graph.outbox.ChangeEvent;
import org.crmgraph.graph.webhook.WebhookStore;
import org.springframework.stereotype.Component;

/**
 * The JSON a webhook receives for an event ({@link ChangeEventJson}, the same as a Kafka record's), with the customers
 * it concerns, which a webhook's customer filter matches.
 */
@Component
class WebhookBodies {

    private final ChangeEventJson json;

    WebhookBodies(ChangeEventJson json) {
        this.json = json;
    }

    WebhookStore.Described describe(ChangeEvent change) {
        Map<String, Object> body = json.body(change);
        List<String> customers = new ArrayList<>();
        if (change.event().entityType().equals("Customer")) {
            customers.add(change.event().entityId());
        }
        if (body.get("data") instanceof Map<?, ?> data) {
            for (String name : List.of("customerId", "mergedId")) {
                if (data.get(name) instanceof String id) {
                    customers.add(id);
                }
            }
        }
        return new WebhookStore.Described(json.write(body), customers);
    }
}
