package org.crmgraph.graph.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import org.crmgraph.graph.cypher.Records;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

/**
 * An endpoint that receives change events: the event types it asked for, optionally only those about one customer.
 * Its secret is not part of it; it is shown once, when the webhook is created.
 *
 * @param fromPosition the change log's head when it was created: it receives the events after that
 */
public record Webhook(
        String id,
        String url,
        List<String> events,
        @Nullable String customerId,
        @Nullable String description,
        boolean active,
        long fromPosition,
        OffsetDateTime createdAt,
        @Nullable String createdBy) {

    static Webhook from(Value w) {
        return new Webhook(
                w.get("id").asString(),
                w.get("url").asString(),
                Records.strings(w.get("events")),
                Records.string(w.get("customerId")),
                Records.string(w.get("description")),
                w.get("active").asBoolean(),
                w.get("fromPosition").asLong(),
                Records.dateTime(w.get("createdAt")),
                Records.string(w.get("createdBy")));
    }
}
