package org.crmgraph.api.webhook;

import java.util.Optional;

/** The change events a webhook can ask for: the change log's types that other systems may follow. */
public enum WebhookEventType {
    TICKET_OPENED,
    TICKET_UPDATED,
    TICKET_RESOLVED,
    CUSTOMER_CREATED,
    CUSTOMER_UPDATED,
    CUSTOMERS_MERGED,
    CUSTOMER_ERASED,
    ORDER_PLACED,
    INTERACTION_RECORDED,
    CUSTOMER_SEGMENT_CHANGED,
    KNOWLEDGE_GAP_FOUND;

    /** The webhook event type of a change-log type, if webhooks may ask for it. */
    public static Optional<WebhookEventType> of(String changeLogType) {
        for (WebhookEventType type : values()) {
            if (type.name().equals(changeLogType)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
