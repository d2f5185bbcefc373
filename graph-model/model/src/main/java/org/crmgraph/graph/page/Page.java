package org.crmgraph.graph.page;

import java.util.List;

/** One page of a keyset-paginated list, with the cursor of every item and the size of the whole filtered list. */
public record Page<T>(List<Edge<T>> edges, boolean hasNextPage, boolean hasPreviousPage, long totalCount) {

    public record Edge<T>(String cursor, T node) {}

    public String startCursor() {
        return edges.isEmpty() ? null : edges.getFirst().cursor();
    }

    public String endCursor() {
        return edges.isEmpty() ? null : edges.getLast().cursor();
    }
}
