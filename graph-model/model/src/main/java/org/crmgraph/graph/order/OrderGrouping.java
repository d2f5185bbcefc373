package org.crmgraph.graph.order;

/** What orders can be grouped by in an aggregation, beside a time bucket of {@code placedAt}. */
public enum OrderGrouping {
    /** the customer's country (null for guest orders) */
    COUNTRY("country", "c.country"),
    STATUS("status", "o.status"),
    CHANNEL("channel", "o.channel"),
    /** the customer's RFM segment of the last analytics refresh */
    SEGMENT("segment", "head(COLLECT { MATCH (c)-[:IN_SEGMENT]->(s:Segment) RETURN s.label })");

    private final String key;
    private final String expression;

    OrderGrouping(String key, String expression) {
        this.key = key;
        this.expression = expression;
    }

    public String key() {
        return key;
    }

    /** Cypher over {@code o} (the order) and {@code c} (its customer, maybe null); fixed text, never input. */
    String expression() {
        return expression;
    }
}
