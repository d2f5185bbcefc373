package org.crmgraph.graph.page;

import org.crmgraph.graph.validation.InvalidArgumentException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on list pages, the same for every list in the API ({@code crm.paging.*}), and the one place that checks a
 * client's {@code first} and {@code after}.
 *
 * @param defaultPageSize page size when a client gives no {@code first}
 * @param maxPageSize     largest {@code first} a client may ask for; above it the request fails with PAGE_SIZE_EXCEEDED
 * @param nestedListLimit at most this many items in a nested list without its own paging (a customer's orders, a
 *                        product's buyers)
 * @param cursorSecret    the secret cursors are sealed with (16 characters or more); every instance that shares the
 *                        database must have the same one. Empty: a random key is made once and kept in the graph
 *                        ({@code (:ServiceKey {name: 'cursor'})}), where every instance finds it
 */
@ConfigurationProperties(prefix = "crm.paging")
public record PagingProperties(
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue("100") int nestedListLimit,
        @DefaultValue("") String cursorSecret) {

    /** The defaults, as a service without settings has them. */
    public static PagingProperties defaults() {
        return new PagingProperties(20, 100, 100, "");
    }

    @Override
    public String toString() {
        return "PagingProperties[defaultPageSize=" + defaultPageSize + ", maxPageSize=" + maxPageSize
                + ", nestedListLimit=" + nestedListLimit + ", cursorSecret=" + (cursorSecret.isEmpty() ? "" : "***")
                + "]";
    }

    /**
     * The length of a plain list (recommendations, gaps, runs...) that has no cursor: {@code first}, or
     * {@code fallback} when absent. The one rule for {@code first} everywhere, paged or not: 0 gives an empty list,
     * a negative value fails with INVALID_PAGE_SIZE, more than the list allows with PAGE_SIZE_EXCEEDED.
     *
     * @throws InvalidArgumentException INVALID_PAGE_SIZE or PAGE_SIZE_EXCEEDED naming {@code first}
     */
    public static int listLength(Integer first, int fallback, int max) {
        int length = first == null ? fallback : first;
        if (length < 0) {
            throw new InvalidArgumentException(
                    org.crmgraph.graph.validation.ErrorCode.INVALID_PAGE_SIZE,
                    "first",
                    "'first' must not be negative, was " + length + ".");
        }
        if (length > max) {
            throw new InvalidArgumentException(
                    org.crmgraph.graph.validation.ErrorCode.PAGE_SIZE_EXCEEDED,
                    "first",
                    "'first' is " + length + " but this list holds at most " + max + " items.");
        }
        return length;
    }
}
