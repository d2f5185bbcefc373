package org.crmgraph.graph.page;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on list pages, the same for every list in the API ({@code crm.paging.*}).
 *
 * @param defaultPageSize page size when a client gives no {@code first}
 * @param maxPageSize     largest {@code first} a client may ask for; above it the request fails with PAGE_SIZE_EXCEEDED
 * @param nestedListLimit at most this many items in a nested list without its own paging (a customer's orders, a
 *                        product's buyers)
 */
@ConfigurationProperties(prefix = "crm.paging")
public record PagingProperties(
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue("100") int nestedListLimit) {

    /** The defaults, as a service without settings has them. */
    public static PagingProperties defaults() {
        return new PagingProperties(20, 100, 100);
    }

    /** Checks {@code first} and decodes {@code after} for a list sorted by {@code sort} in the given direction. */
    public PageRequest request(Integer first, String after, SortKey sort, boolean descending) {
        return request(first, after, KeysetQuery.ordering(sort, descending));
    }

    /** Checks {@code first} and decodes {@code after} for a list sorted by {@code ordering}. */
    public PageRequest request(Integer first, String after, String ordering) {
        int size = first == null ? defaultPageSize : first;
        if (size < 0) {
            throw new InvalidPageRequestException(
                    "INVALID_PAGE_SIZE", "first", "'first' must not be negative, was " + size + ".");
        }
        if (size > maxPageSize) {
            throw new InvalidPageRequestException(
                    "PAGE_SIZE_EXCEEDED",
                    "first",
                    "'first' is " + size + " but at most " + maxPageSize
                            + " items can be asked for per page; page with 'after'.");
        }
        return new PageRequest(size, Cursor.decode(after, ordering));
    }
}
