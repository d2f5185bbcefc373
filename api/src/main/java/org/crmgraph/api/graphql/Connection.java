package org.crmgraph.api.graphql;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.function.Supplier;
import org.crmgraph.graph.page.Page;
import org.crmgraph.graph.page.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * A Relay cursor connection over one {@link Page}.
 *
 * @param query what the list was asked for (its filters), for the connection's {@code aggregate} field; null for lists
 *              without one
 */
public record Connection<T>(
        List<Page.Edge<T>> edges,
        PageInfo pageInfo,
        long totalCount,
        @Nullable Object query) {

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

    public static <T> Connection<T> of(Page<T> page) {
        return of(page, null);
    }

    public static <T> Connection<T> of(Page<T> page, @Nullable Object query) {
        return new Connection<>(
                page.edges(),
                new PageInfo(page.hasNextPage(), page.hasPreviousPage(), page.startCursor(), page.endCursor()),
                page.totalCount(),
                query);
    }

    /** The request without the count when the client did not select {@code totalCount}. */
    public static PageRequest counting(DataFetchingFieldSelectionSet selection, PageRequest request) {
        return selection.contains("totalCount") ? request : request.withoutCount();
    }

    /**
     * The page when the client selected any of it; when it selected only {@code aggregate}, no page query runs (a
     * dashboard asking for revenue by month pays for the grouping alone).
     */
    public static <T> Connection<T> of(
            DataFetchingFieldSelectionSet selection, Supplier<Page<T>> page, @Nullable Object query) {
        boolean pageSelected = selection.contains("edges")
                || selection.contains("pageInfo")
                || selection.contains("totalCount")
                || selection.contains("nodes");
        if (!pageSelected) {
            return new Connection<>(List.of(), new PageInfo(false, false, null, null), 0, query);
        }
        return of(page.get(), query);
    }
}
