package org.crmgraph.graph.ticket;

import java.time.OffsetDateTime;
import org.crmgraph.graph.interaction.Channel;

/**
 * All given criteria must hold; {@code textContains} looks in subject and body, case-insensitively; {@code sentiment}
 * is a label (NEGATIVE, NEUTRAL, POSITIVE) the customer's words were read as.
 */
public record TicketFilter(
        TicketStatus status,
        TicketPriority priority,
        Channel channel,
        String customerId,
        String productSku,
        String category,
        String textContains,
        OffsetDateTime createdAfter,
        OffsetDateTime createdBefore,
        String sentiment) {

    public static final TicketFilter NONE =
            new TicketFilter(null, null, null, null, null, null, null, null, null, null);
}
