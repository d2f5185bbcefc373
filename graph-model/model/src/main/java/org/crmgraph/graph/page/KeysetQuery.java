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
        String rows = """
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
                tx.run(count, parameters).single().get("total").asLong(),
                tx.run(rows, parameters).list()));

        List<Page.Edge<T>> edges = new ArrayList<>();
        for (Record row :
                result.rows().subList(0, Math.min(request.first(), result.rows().size()))) {
            Cursor cursor = new Cursor(
                    ordering(sort, descending),
                    key(row.get("sortKey"), sort.type()),
                    row.get("id").asString());
            edges.add(new Page.Edge<>(cursor.encode(request.seal()), mapper.apply(row.get("node"))));
        }
        return new Page<>(edges, result.rows().size() > request.first(), after != null, result.total());
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
