package org.crmgraph.graph.ticket;

import org.crmgraph.graph.interaction.Channel;

/** What clients send to open, change and resolve tickets. */
public final class TicketInputs {

    private TicketInputs() {}

    /** Priority defaults to MEDIUM and channel to WEB. */
    public record Open(
            String customerId,
            String subject,
            String body,
            TicketPriority priority,
            Channel channel,
            String productSku,
            String category) {}

    /** A null field is left unchanged; status may not be RESOLVED here (use resolve, which records how). */
    public record Update(
            String subject,
            String body,
            TicketPriority priority,
            TicketStatus status,
            String category,
            String productSku) {}

    public record Resolve(String resolution, String articleId) {}
}
