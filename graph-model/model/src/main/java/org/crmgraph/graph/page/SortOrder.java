package org.crmgraph.graph.page;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One key of a list's ordering and its direction; a list may be sorted by several, the first deciding first.
 *
 * @param key        what to sort by
 * @param descending largest, latest or Z first
 */
public record SortOrder(SortKey key, boolean descending) {

    /** Most keys a list may be sorted by: each more is a comparison per row and a wider cursor. */
    public static final int MAX_KEYS = 3;

    /** The name of an ordering as written into cursors: a cursor fits only the ordering it was made for. */
    public static String ordering(List<SortOrder> orders) {
        return orders.stream()
                .map(o -> KeysetQuery.ordering(o.key(), o.descending()))
                .collect(Collectors.joining(","));
    }
}
