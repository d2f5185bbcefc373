package org.crmgraph.graph.ticket;

/** What tickets can be grouped by in an aggregation, beside a time bucket of {@code createdAt}. */
public enum TicketGrouping {
    STATUS("status", "t.status"),
    PRIORITY("priority", "t.priority"),
    CHANNEL("channel", "t.channel"),
    CATEGORY("category", "t.category"),
    /** the ticket classifier's category */
    PREDICTED_CATEGORY("predictedCategory", "t.predictedCategory");

    private final String key;
    private final String expression;

    TicketGrouping(String key, String expression) {
        this.key = key;
        this.expression = expression;
    }

    public String key() {
        return key;
    }

    /** Cypher over {@code t}; fixed text, never input. */
    String expression() {
        return expression;
    }
}
