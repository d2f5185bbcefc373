package org.crmgraph.graph.page;

/**
 * A forward page: at most {@code first} items after the opaque {@code after} cursor.
 *
 * @param first how many items; already checked against the configured bounds
 * @param after the cursor of the last item already seen, or {@code null} for the first page
 * @param seal  seals the cursors of the page's items
 */
public record PageRequest(int first, Cursor after, CursorSeal seal) {}
