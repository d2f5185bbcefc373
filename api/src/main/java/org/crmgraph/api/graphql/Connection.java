package org.crmgraph.api.graphql;

import java.util.List;
import org.crmgraph.graph.page.Page;

/** A Relay cursor connection over one {@link Page}. */
public record Connection<T>(List<Page.Edge<T>> edges, PageInfo pageInfo, long totalCount) {

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

    public static <T> Connection<T> of(Page<T> page) {
        return new Connection<>(
                page.edges(),
                new PageInfo(page.hasNextPage(), page.hasPreviousPage(), page.startCursor(), page.endCursor()),
                page.totalCount());
    }
}
