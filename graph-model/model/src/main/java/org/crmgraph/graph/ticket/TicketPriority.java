package org.crmgraph.graph.ticket;

public enum TicketPriority {
    LOW,
    MEDIUM,
    HIGH,
    URGENT
}
