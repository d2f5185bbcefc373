package org.crmgraph.graph.webhook;

import java.time.OffsetDateTime;
import org.crmgraph.graph.cypher.Records;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

/**
 * One event for one webhook: the body is fixed when the delivery is made, so every attempt sends the same bytes
 * (only the signature's time changes).
 *
 * @param id       stable across attempts and replays: what {@code X-CRM-Delivery} carries
 * @param position the event's position in the change log
 */
public record WebhookDelivery(
        String id,
        String webhookId,
        long position,
        String eventType,
        String entityId,
        String body,
        Status status,
        int attempts,
        @Nullable OffsetDateTime nextAttemptAt,
        @Nullable OffsetDateTime lastAttemptAt,
        @Nullable Integer lastStatusCode,
        @Nullable String lastError,
        @Nullable OffsetDateTime deliveredAt,
        OffsetDateTime createdAt) {

    /** Where a delivery is: waiting to be sent (or retried), done, or parked after its last attempt failed. */
    public enum Status {
        PENDING,
        DELIVERED,
        DEAD
    }

    static WebhookDelivery from(Value d) {
        Value code = d.get("lastStatusCode");
        return new WebhookDelivery(
                d.get("id").asString(),
                d.get("webhookId").asString(),
                d.get("position").asLong(),
                d.get("eventType").asString(),
                d.get("entityId").asString(),
                d.get("body").asString(),
                Status.valueOf(d.get("status").asString()),
                d.get("attempts").asInt(),
                Records.dateTime(d.get("nextAttemptAt")),
                Records.dateTime(d.get("lastAttemptAt")),
                code.isNull() ? null : code.asInt(),
                Records.string(d.get("lastError")),
                Records.dateTime(d.get("deliveredAt")),
                Records.dateTime(d.get("createdAt")));
    }
}
