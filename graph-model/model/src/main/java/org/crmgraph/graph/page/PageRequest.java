package org.crmgraph.graph.page;

/**
 * A forward page: at most {@code first} items after the opaque {@code after} cursor.
 *
 * @param first   how many items; already checked against the configured bounds
 * @param after   the cursor of the last item already seen, or {@code null} for the first page
 * @param seal    seals the cursors of the page's items
 * @param counted whether the size of the whole filtered list is wanted: counting reads every match, so a client that
 *                does not show it should not pay for it
 */
public record PageRequest(int first, Cursor after, CursorSeal seal, boolean counted) {

    public PageRequest(int first, Cursor after, CursorSeal seal) {
        this(first, after, seal, true);
    }

    /** This request with the count left out ({@link Page#totalCount()} -1). */
    public PageRequest withoutCount() {
        return new PageRequest(first, after, seal, false);
    }
}
