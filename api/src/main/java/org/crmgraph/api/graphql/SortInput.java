package org.crmgraph.api.graphql;

import java.util.List;
import org.crmgraph.graph.page.SortKey;
import org.crmgraph.graph.page.SortOrder;
import org.crmgraph.graph.validation.InvalidArgumentException;

/** One entry of a list's {@code sort} argument: a key and its direction. */
public interface SortInput {

    SortKey key();

    SortDirection direction();

    default SortOrder order() {
        return new SortOrder(key(), direction().descending());
    }

    /**
     * The ordering a {@code sort} argument asks for, or null when it asks for none (the list's {@code orderBy} or
     * default applies).
     *
     * @throws InvalidArgumentException OUT_OF_RANGE naming {@code sort} for more than {@link SortOrder#MAX_KEYS} keys
     */
    static List<SortOrder> orders(List<? extends SortInput> sort) {
        if (sort == null || sort.isEmpty()) {
            return null;
        }
        if (sort.size() > SortOrder.MAX_KEYS) {
            throw InvalidArgumentException.outOfRange(
                    "sort",
                    "A list can be sorted by at most " + SortOrder.MAX_KEYS + " keys, were " + sort.size() + ".");
        }
        return sort.stream()
                .map(s -> new SortOrder(s.key(), s.direction().descending()))
                .toList();
    }
}
