package org.crmgraph.graph.filter;

/** Periods an aggregation can group by; each starts at midnight UTC, weeks on Monday (ISO weeks). */
public enum TimeBucket {
    DAY("day"),
    WEEK("week"),
    MONTH("month"),
    QUARTER("quarter"),
    YEAR("year");

    private final String unit;

    TimeBucket(String unit) {
        this.unit = unit;
    }

    /** The unit for Cypher's {@code datetime.truncate}. */
    public String unit() {
        return unit;
    }
}
