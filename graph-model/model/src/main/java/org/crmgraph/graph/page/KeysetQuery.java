package org.crmgraph.graph.page;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.crmgraph.graph.cypher.CypherRunner;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Builds and runs a filtered, sorted, keyset-paginated list query. Only fixed fragments written
 * in this code base go into the Cypher text; every client value is a parameter.
 *
 * @param match   the pattern, e.g. {@code MATCH (c:Customer)}
 * @param node    the variable of the listed node, e.g. {@code c}
 * @param idKey   property that identifies a node and breaks ties, e.g. {@code id} or {@code sku}
 * @param related    clauses run only for the rows of the cut page, e.g. CALL subqueries that fetch the
 *                   ids of related nodes; empty when the projection needs nothing more
 * @param projection what each row returns for the mapper: the node variable or a map projection of it
 */
public record KeysetQuery(String match, String node, String idKey, String related, String projection) {

    public KeysetQuery(String match, String node, String idKey) {
        this(match, node, idKey, "", node);
    }

    /** Filter conditions joined with AND; a condition is added only when its value is present. */
    public static final class Conditions {
        private final List<String> fragments = new ArrayList<>();
        private final Map<String, Object> parameters = new HashMap<>();

        public Conditions when(Object value, String parameter, String fragment) {
            if (value != null && !(value instanceof String s && s.isBlank())) {
                fragments.add(fragment);
                parameters.put(parameter, value);
            }
            return this;
        }

        /** A parameter the query's other clauses use (say a nested list's limit), not a condition. */
        public Conditions parameter(String name, Object value) {
            parameters.put(name, value);
            return this;
        }

        /** A compiled {@code where} argument; nothing for an empty one. */
        public Conditions where(org.crmgraph.graph.filter.Where where) {
            if (!where.isEmpty()) {
                fragments.add("(" + where.cypher() + ")");
                parameters.putAll(where.parameters());
            }
            return this;
        }

        /** The parameters of the conditions, for a query of one's own over the same nodes (an aggregation). */
        public Map<String, Object> parameters() {
            return Map.copyOf(parameters);
        }

        /** {@code WHERE ...}, or nothing when there are no conditions. */
        public String where() {
            return fragments.isEmpty() ? "" : "WHERE " + String.join(" AND ", fragments);
        }
    }

    /** Name of a sort key and direction as written into cursors; a cursor only fits the ordering it was made for. */
    public static String ordering(SortKey sort, boolean descending) {
        return sort.name() + (descending ? ":desc" : ":asc");
    }

    public <T> Page<T> page(
            CypherRunner cypher,
            Conditions conditions,
            SortKey sort,
            boolean descending,
            PageRequest request,
            Function<Value, T> mapper) {
        String id = node + "." + idKey;
        String compare = descending ? "<" : ">";
        String direction = descending ? "DESC" : "ASC";
        String count = match + "\n" + conditions.where() + "\nRETURN count(" + node + ") AS total";
        String rows = sort.property() != null
                ? indexOrdered(conditions, sort.property(), compare, direction, request.after() != null)
                : """
                %s
                %s
                WITH %s, %s AS sortKey
                WHERE $afterId IS NULL OR sortKey %s $afterKey OR (sortKey = $afterKey AND %s %s $afterId)
                WITH %s, sortKey
                ORDER BY sortKey %s, %s %s
                LIMIT $limit
                %s
                RETURN %s AS node, sortKey, %s AS id
                ORDER BY sortKey %s, id %s
                """.formatted(
                                match,
                                conditions.where(),
                                node,
                                sort.expression(),
                                compare,
                                id,
                                compare,
                                node,
                                direction,
                                id,
                                direction,
                                related,
                                projection,
                                id,
                                direction,
                                direction);
        Map<String, Object> parameters = new HashMap<>(conditions.parameters);
        Cursor after = request.after();
        parameters.put("afterKey", after == null ? null : after.key());
        parameters.put("afterId", after == null ? null : after.id());
        parameters.put("limit", request.first() + 1);

        record Counted(long total, List<Record> rows) {}
        Counted result = cypher.inRead(tx -> new Counted(
                request.counted()
                        ? tx.run(count, parameters).single().get("total").asLong()
                        : -1,
                tx.run(rows, parameters).list()));

        List<Page.Edge<T>> edges = new ArrayList<>();
        for (Record row :
                result.rows().subList(0, Math.min(request.first(), result.rows().size()))) {
            Cursor cursor = new Cursor(
                    ordering(sort, descending),
                    key(row.get("sortKey"), sort.type()),
                    row.get("id").asString());
            edges.add(new Page.Edge<>(() -> cursor.encode(request.seal()), mapper.apply(row.get("node"))));
        }
        return new Page<>(edges, result.rows().size() > request.first(), after != null, result.total());
    }

    /**
     * A page in the order of the sort property's index: the cursor bound is a range on the property (the planner
     * seeks to it) and ties are broken by id after, so a page reads about as many index entries as it returns.
     */
    private String indexOrdered(
            Conditions conditions, String property, String compare, String direction, boolean after) {
        String id = node + "." + idKey;
        String bound = property + " " + compare + "= $afterKey AND (" + property + " " + compare + " $afterKey OR " + id
                + " " + compare + " $afterId)";
        // a node without the property (every writer sets it) is left out rather than breaking the order for all
        String present = property + " IS NOT NULL" + (after ? " AND " + bound : "");
        String where = conditions.where().isEmpty() ? "WHERE " + present : conditions.where() + " AND " + present;
        return """
                %s
                %s
                WITH %s
                ORDER BY %s %s, %s %s
                LIMIT $limit
                %s
                RETURN %s AS node, %s AS sortKey, %s AS id
                ORDER BY sortKey %s, id %s
                """.formatted(
                        match,
                        where,
                        node,
                        property,
                        direction,
                        id,
                        direction,
                        related,
                        projection,
                        property,
                        id,
                        direction,
                        direction);
    }

    /**
     * A page sorted by several keys, the first deciding first; ties on all of them are broken by the id, in the last
     * key's direction. With one key this is {@link #page(CypherRunner, Conditions, SortKey, boolean, PageRequest,
     * Function)}.
     */
    public <T> Page<T> page(
            CypherRunner cypher,
            Conditions conditions,
            List<SortOrder> orders,
            PageRequest request,
            Function<Value, T> mapper) {
        if (orders.size() == 1) {
            return page(
                    cypher,
                    conditions,
                    orders.getFirst().key(),
                    orders.getFirst().descending(),
                    request,
                    mapper);
        }
        String id = node + "." + idKey;
        boolean idDescending = orders.getLast().descending();
        List<String> keys = new ArrayList<>();
        List<String> ordering = new ArrayList<>();
        // after the cursor: greater on the first key, or equal on it and greater on the next, ... then on the id
        List<String> after = new ArrayList<>();
        List<String> equalSoFar = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            SortOrder order = orders.get(i);
            keys.add(order.key().expression() + " AS k" + i);
            ordering.add("k" + i + (order.descending() ? " DESC" : " ASC"));
            String beyond = "k" + i + (order.descending() ? " < " : " > ") + "$afterKey" + i;
            after.add(equalSoFar.isEmpty() ? beyond : "(" + String.join(" AND ", equalSoFar) + " AND " + beyond + ")");
            equalSoFar.add("k" + i + " = $afterKey" + i);
        }
        after.add("(" + String.join(" AND ", equalSoFar) + " AND " + id + (idDescending ? " < " : " > ") + "$afterId)");
        String direction = idDescending ? "DESC" : "ASC";
        String keyList = String.join(
                ", ",
                java.util.stream.IntStream.range(0, orders.size())
                        .mapToObj(i -> "k" + i)
                        .toList());
        String count = match + "\n" + conditions.where() + "\nRETURN count(" + node + ") AS total";
        String rows = """
                %s
                %s
                WITH %s, %s
                WHERE $afterId IS NULL OR %s
                WITH %s, %s
                ORDER BY %s, %s %s
                LIMIT $limit
                %s
                RETURN %s AS node, [%s] AS sortKey, %s AS id
                ORDER BY %s, id %s
                """.formatted(
                        match,
                        conditions.where(),
                        node,
                        String.join(", ", keys),
                        String.join(" OR ", after),
                        node,
                        keyList,
                        String.join(", ", ordering),
                        id,
                        direction,
                        related,
                        projection,
                        keyList,
                        id,
                        String.join(
                                ", ",
                                java.util.stream.IntStream.range(0, orders.size())
                                        .mapToObj(i -> "sortKey[" + i + "]"
                                                + (orders.get(i).descending() ? " DESC" : " ASC"))
                                        .toList()),
                        direction);
        Map<String, Object> parameters = new HashMap<>(conditions.parameters);
        Cursor cursor = request.after();
        List<?> afterKeys = cursor == null ? null : (List<?>) cursor.key();
        for (int i = 0; i < orders.size(); i++) {
            parameters.put("afterKey" + i, afterKeys == null ? null : afterKeys.get(i));
        }
        parameters.put("afterId", cursor == null ? null : cursor.id());
        parameters.put("limit", request.first() + 1);

        record Counted(long total, List<Record> rows) {}
        Counted result = cypher.inRead(tx -> new Counted(
                request.counted()
                        ? tx.run(count, parameters).single().get("total").asLong()
                        : -1,
                tx.run(rows, parameters).list()));
        String name = SortOrder.ordering(orders);
        List<Page.Edge<T>> edges = new ArrayList<>();
        for (Record row :
                result.rows().subList(0, Math.min(request.first(), result.rows().size()))) {
            List<Object> values = new ArrayList<>();
            List<Value> sortKeys = row.get("sortKey").asList(v -> v);
            for (int i = 0; i < orders.size(); i++) {
                values.add(key(sortKeys.get(i), orders.get(i).key().type()));
            }
            Cursor next = new Cursor(name, List.copyOf(values), row.get("id").asString());
            edges.add(new Page.Edge<>(() -> next.encode(request.seal()), mapper.apply(row.get("node"))));
        }
        return new Page<>(edges, result.rows().size() > request.first(), cursor != null, result.total());
    }

    private static Object key(Value value, Class<?> type) {
        if (type == String.class) {
            return value.asString();
        }
        if (type == Long.class) {
            return value.asLong();
        }
        if (type == Double.class) {
            return value.asDouble();
        }
        if (type == ZonedDateTime.class) {
            return value.asZonedDateTime();
        }
        throw new IllegalArgumentException("Unsupported sort key type " + type);
    }
}
