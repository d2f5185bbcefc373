package org.crmgraph.graph.page;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Bounds on list pages, the same for every list in the API. */
@ConfigurationProperties(prefix = "crm.paging")
public class PagingProperties {

    /** Page size when a client gives no {@code first}. */
    private int defaultPageSize = 20;

    /** Largest {@code first} a client may ask for; above it the request fails with PAGE_SIZE_EXCEEDED. */
    private int maxPageSize = 100;

    /** At most this many items in a nested list without its own paging (a customer's orders, a product's buyers). */
    private int nestedListLimit = 100;

    public int getDefaultPageSize() {
        return defaultPageSize;
    }

    public void setDefaultPageSize(int defaultPageSize) {
        this.defaultPageSize = defaultPageSize;
    }

    public int getMaxPageSize() {
        return maxPageSize;
    }

    public void setMaxPageSize(int maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    public int getNestedListLimit() {
        return nestedListLimit;
    }

    public void setNestedListLimit(int nestedListLimit) {
        this.nestedListLimit = nestedListLimit;
    }

    /** Checks {@code first} and decodes {@code after} for a list sorted by {@code sort} in the given direction. */
    public PageRequest request(Integer first, String after, SortKey sort, boolean descending) {
        return request(first, after, KeysetQuery.ordering(sort, descending));
    }

    /** Checks {@code first} and decodes {@code after} for a list sorted by {@code ordering}. */
    public PageRequest request(Integer first, String after, String ordering) {
        int size = first == null ? defaultPageSize : first;
        if (size < 0) {
            throw new InvalidPageRequestException("INVALID_PAGE_SIZE", "first", "'first' must not be negative, was " + size + ".");
        }
        if (size > maxPageSize) {
            throw new InvalidPageRequestException("PAGE_SIZE_EXCEEDED", "first",
                    "'first' is " + size + " but at most " + maxPageSize + " items can be asked for per page; page with 'after'.");
        }
        return new PageRequest(size, Cursor.decode(after, ordering));
    }
}
