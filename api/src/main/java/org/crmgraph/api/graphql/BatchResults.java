package org.crmgraph.api.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Lines batch-loaded values up with the parents that asked for them. */
public final class BatchResults {

    private BatchResults() {}

    /** Each parent gets the list under its key, or an empty list. */
    public static <P, V> Map<P, List<V>> lists(List<P> parents, Function<P, String> key, Map<String, List<V>> values) {
        Map<P, List<V>> result = new LinkedHashMap<>();
        parents.forEach(parent -> result.put(parent, values.getOrDefault(key.apply(parent), List.of())));
        return result;
    }

    /** Each parent gets the value under its key; parents without a key or without a value are left out (null in the response). */
    public static <P, V> Map<P, V> single(List<P> parents, Function<P, String> key, Map<String, V> values) {
        Map<P, V> result = new LinkedHashMap<>();
        for (P parent : parents) {
            String k = key.apply(parent);
            V value = k == null ? null : values.get(k);
            if (value != null) {
                result.put(parent, value);
            }
        }
        return result;
    }

    /** Distinct non-null keys of the parents, for one batched query. */
    public static <P> List<String> keys(List<P> parents, Function<P, String> key) {
        return parents.stream()
                .map(key)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
    }
}
