package org.crmgraph.graph.customer;

/** What customers can be grouped by in an aggregation, beside a time bucket of {@code createdAt}. */
public enum CustomerGrouping {
    COUNTRY("country", "c.country"),
    /** the name of the RFM segment of the last analytics refresh */
    SEGMENT("segment", "head(COLLECT { MATCH (c)-[:IN_SEGMENT]->(s:Segment) RETURN s.label })"),
    /** the RFM code of the last refresh, e.g. 555 */
    RFM("rfm", "c.rfm");

    private final String key;
    private final String expression;

    CustomerGrouping(String key, String expression) {
        this.key = key;
        this.expression = expression;
    }

    public String key() {
        return key;
    }

    /** Cypher over {@code c}; fixed text, never input. */
    String expression() {
        return expression;
    }
}
