package org.crmgraph.api.graphql;

import graphql.GraphQLContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Nested lists a parent's fetcher already read, kept for the request so their batch loaders need no query of their
 * own. A fetcher that sees its selection ask for children (say a customer's orders and their lines) reads them in the
 * same statement and leaves them here; the children's batch loaders take what is here and load only the rest.
 * Lives in the request's {@link GraphQLContext}, so nothing outlives the request or crosses to another.
 */
public final class Prefetched {

    /** The fields whose lists may be kept here, by their schema coordinates. */
    public static final String CUSTOMER_ORDERS = "Customer.orders";

    public static final String ORDER_LINES = "Order.lines";

    private static final String KEY = Prefetched.class.getName();

    private final Map<String, Map<String, List<?>>> byField = new ConcurrentHashMap<>();

    /** This request's stash, made on first use. */
    public static Prefetched in(GraphQLContext context) {
        return context.computeIfAbsent(KEY, key -> new Prefetched());
    }

    /** Keeps {@code values} as the lists of {@code field} (e.g. "Order.lines") by parent key. */
    public <V> void put(String field, Map<String, List<V>> values) {
        byField.computeIfAbsent(field, f -> new ConcurrentHashMap<>()).putAll(values);
    }

    /**
     * The lists of {@code field} for these parents: what was kept, and the rest from {@code load} with the keys of
     * the parents nothing was kept for (not called when there are none).
     */
    @SuppressWarnings("unchecked")
    public <P, V> Map<P, List<V>> lists(
            String field, List<P> parents, Function<P, String> key, Function<List<String>, Map<String, List<V>>> load) {
        Map<String, List<?>> kept = byField.getOrDefault(field, Map.of());
        List<P> missing = new ArrayList<>();
        Map<String, List<V>> values = new HashMap<>();
        for (P parent : parents) {
            String k = key.apply(parent);
            List<?> list = k == null ? null : kept.get(k);
            if (list == null) {
                missing.add(parent);
            } else {
                values.put(k, (List<V>) list);
            }
        }
        if (!missing.isEmpty()) {
            values.putAll(load.apply(BatchResults.keys(missing, key)));
        }
        return BatchResults.lists(parents, key, values);
    }
}
