package org.crmgraph.graph.page;

/**
 * How a list is ordered: a Cypher expression over the list's node variable that is never null
 * (keyset comparison needs a total order) and the Java type its values come back as.
 *
 * @param name stable name written into cursors
 * @param expression Cypher expression, a fixed fragment written by us and never built from input
 * @param type type of the expression's values: String, Long, Double or ZonedDateTime
 * @param property when the expression is a property every node of the list has (so it equals the expression), that
 *     property ({@code t.createdAt}): a page is then read in the order of its index, from the cursor on, instead of
 *     sorting every node that matches; null otherwise
 */
public record SortKey(String name, String expression, Class<?> type, String property) {

    public SortKey(String name, String expression, Class<?> type) {
        this(name, expression, type, null);
    }
}
