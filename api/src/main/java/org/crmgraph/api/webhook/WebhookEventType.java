package org.crmgraph.api.webhook;

import java.util.Optional;

/** The change events a webhook can ask for: the change log's types, with the kind of entity each is about. */
public enum WebhookEventType {
    TICKET_OPENED("Ticket"),
    TICKET_UPDATED("Ticket"),
    TICKET_RESOLVED("Ticket"),
    CUSTOMER_CREATED("Customer"),
    CUSTOMER_UPDATED("Customer"),
    CUSTOMERS_MERGED("Customer"),
    CUSTOMER_ERASED("Customer"),
    ORDER_PLACED("Order"),
    INTERACTION_RECORDED("Interaction"),
    CUSTOMER_SEGMENT_CHANGED("Customer");

    private final String entity;

    WebhookEventType(String entity) {
        this.entity = entity;
    }

    /** The GraphQL type of the entity, as in a global id's type. */
    public String entity() {
        return entity;
    }

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
