package org.crmgraph.graph.interaction;

import java.time.OffsetDateTime;

/**
 * @param type       what happened, in the source's words, e.g. {@code email_opened}, {@code page_view}, {@code complaint}
 * @param occurredAt when; now when absent
 */
public record RecordInteractionInput(
        String customerId, Channel channel, String type, OffsetDateTime occurredAt, String text, String productSku) {}
