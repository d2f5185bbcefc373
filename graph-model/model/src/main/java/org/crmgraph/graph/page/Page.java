package org.crmgraph.graph.page;

import java.util.List;
import java.util.function.Supplier;

/**
 * One page of a keyset-paginated list, with the cursor of every item and the size of the whole filtered list.
 *
 * @param totalCount -1 when the request did not ask for it ({@link PageRequest#counted()})
 */
public record Page<T>(List<Edge<T>> edges, boolean hasNextPage, boolean hasPreviousPage, long totalCount) {

    /**
     * An item and its cursor. The cursor is sealed (an HMAC) only when read: a client that shows a page without its
     * cursors does not pay for fifty of them.
     */
    public static final class Edge<T> {

        private final Supplier<String> sealing;
        private final T node;
        private volatile String cursor;

        public Edge(Supplier<String> cursor, T node) {
            this.sealing = cursor;
            this.node = node;
        }

        public Edge(String cursor, T node) {
            this(() -> cursor, node);
            this.cursor = cursor;
        }

        public String cursor() {
            String sealed = cursor;
            if (sealed == null) {
                sealed = sealing.get();
                cursor = sealed;
            }
            return sealed;
        }

        public T node() {
            return node;
        }
    }

    public String startCursor() {
        return edges.isEmpty() ? null : edges.getFirst().cursor();
    }

    public String endCursor() {
        return edges.isEmpty() ? null : edges.getLast().cursor();
    }
}
