package org.crmgraph.graph.page;

import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.InvalidArgumentException;

/**
 * The one place that checks a client's {@code first} and opens its {@code after}: every paged list in the API asks
 * here for its {@link PageRequest}.
 */
public final class Pages {

    private final PagingProperties properties;
    private final CursorSeal seal;

    public Pages(PagingProperties properties, CursorSeal seal) {
        this.properties = properties;
        this.seal = seal;
    }

    public PagingProperties properties() {
        return properties;
    }

    /** Checks {@code first} and opens {@code after} for a list sorted by {@code sort} in the given direction. */
    public PageRequest request(Integer first, String after, SortKey sort, boolean descending) {
        return request(first, after, KeysetQuery.ordering(sort, descending));
    }

    /**
     * Checks {@code first} and opens {@code after} for a list sorted by {@code ordering}.
     *
     * @throws InvalidArgumentException INVALID_PAGE_SIZE or PAGE_SIZE_EXCEEDED naming {@code first}; INVALID_CURSOR
     *     naming {@code after} when it was not issued by this service, was changed, or belongs to another ordering
     */
    public PageRequest request(Integer first, String after, String ordering) {
        int size = first == null ? properties.defaultPageSize() : first;
        if (size < 0) {
            throw new InvalidArgumentException(
                    ErrorCode.INVALID_PAGE_SIZE, "first", "'first' must not be negative, was " + size + ".");
        }
        if (size > properties.maxPageSize()) {
            throw new InvalidArgumentException(
                    ErrorCode.PAGE_SIZE_EXCEEDED,
                    "first",
                    "'first' is " + size + " but at most " + properties.maxPageSize()
                            + " items can be asked for per page; page with 'after'.");
        }
        return new PageRequest(size, Cursor.decode(after, ordering, seal), seal);
    }
}
