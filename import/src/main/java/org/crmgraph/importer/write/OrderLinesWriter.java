package org.crmgraph.importer.write;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.crmgraph.importer.clean.CleanRow;
import org.crmgraph.importer.mapping.Field;
import org.neo4j.driver.SimpleQueryRunner;

/**
 * Order lines: {@code (:Customer)-[:PLACED]->(:Order)-[:CONTAINS {quantity, unitPrice}]->(:Product)}, and
 * cancellations as {@code (:Customer)-[:CANCELLED]->(:Cancellation)-[:CONTAINS]->(:Product)} with the
 * quantity cancelled. Orders without a customer (guest checkouts) are kept, unlinked.
 *
 * <p>Rows for the same order and product add up. The first batch of an import that touches an order
 * replaces its lines with the file's (so an updated file updates them, and a re-run gives the same
 * quantities); a later batch of the same import that touches it again (an order split across batches)
 * adds to them. Replaced lines are created without a MERGE, which is most of the write time saved.
 */
public final class OrderLinesWriter implements EntityWriter {

    private enum Kind {
        ORDER("Order", "PLACED", "placedAt"),
        CANCELLATION("Cancellation", "CANCELLED", "cancelledAt");

        final String known;
        final String upsert;

        Kind(String label, String relationship, String time) {
            // label, relationship and property names are constants of this enum, never input
            known = """
                    UNWIND $ids AS id
                    MATCH (x:%s {id: id})
                    RETURN collect(id) AS known
                    """.formatted(label);
            upsert = """
                    UNWIND $orders AS o
                    MERGE (x:%1$s {id: o.id})
                      ON CREATE SET x.createdAt = datetime(), x.status = 'PLACED'
                    SET x.%3$s = o.at, x.channel = coalesce(o.channel, x.channel), x.source = $source,
                        x.currency = coalesce(o.currency, x.currency)
                    WITH x, o
                    CALL (x, o) {
                      WITH x, o WHERE o.personKey IS NOT NULL
                      MATCH (:SourceRecord {key: o.personKey})-[:RESOLVED_TO]->(c:Customer)
                      MERGE (c)-[placed:%2$s]->(x)
                        ON CREATE SET placed.sourceKey = o.personKey
                    }
                    CALL (x, o) {
                      WITH x, o WHERE o.known AND NOT o.add
                      MATCH (x)-[old:CONTAINS]->()
                      DELETE old
                    }
                    CALL (x, o) {
                      WITH x, o WHERE NOT o.add
                      UNWIND o.lines AS l
                      MATCH (p:Product {sku: l.sku})
                      CREATE (x)-[:CONTAINS {quantity: l.quantity, unitPrice: coalesce(l.unitPrice, p.price, 0.0)}]->(p)
                    }
                    CALL (x, o) {
                      WITH x, o WHERE o.add
                      UNWIND o.lines AS l
                      MATCH (p:Product {sku: l.sku})
                      MERGE (x)-[r:CONTAINS]->(p)
                      SET r.quantity = coalesce(r.quantity, 0) + l.quantity,
                          r.unitPrice = coalesce(l.unitPrice, r.unitPrice, p.price, 0.0)
                    }
                    CALL (x, o) {
                      WITH x, o WHERE o.total IS NULL
                      MATCH (x)-[r:CONTAINS]->()
                      // prices have at most 4 decimal places, so the exact sum has too: rounding undoes float error
                      WITH x, round(sum(r.quantity * r.unitPrice), 4) AS total
                      SET x.total = total
                    }
                    SET x.total = coalesce(o.total, x.total)
                    """.formatted(label, relationship, time);
        }
    }

    private final WriteContext context;
    private final Predicate<String> seenBefore;
    private final Consumer<String> remember;
    private final ProductUpserts.Written products = new ProductUpserts.Written();
    private ProductUpserts pendingProducts;

    /**
     * @param seenBefore whether an order id was written by an earlier batch of this import
     * @param remember   called with each order id once its batch committed
     */
    public OrderLinesWriter(WriteContext context, Predicate<String> seenBefore, Consumer<String> remember) {
        this.context = context;
        this.seenBefore = seenBefore;
        this.remember = remember;
    }

    @Override
    public void write(SimpleQueryRunner tx, List<CleanRow> rows, List<String> personKeys) {
        var upserts = new ProductUpserts(products);
        Map<Kind, Map<String, Map<String, Object>>> orders = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            CleanRow row = rows.get(i);
            Kind kind = row.cancellation() ? Kind.CANCELLATION : Kind.ORDER;
            String orderId = row.text(Field.ORDER_ID);
            String sku = row.text(Field.SKU);
            OffsetDateTime at = row.time(Field.PLACED_AT) != null ? row.time(Field.PLACED_AT) : context.fileTime();
            upserts.add(
                    sku,
                    row.text(Field.PRODUCT_NAME),
                    null,
                    row.decimal(Field.UNIT_PRICE),
                    row.text(Field.CURRENCY),
                    row.text(Field.CATEGORY),
                    at);
            String personKey = personKeys.get(i);
            Map<String, Object> order = orders.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                    .computeIfAbsent(
                            orderId,
                            id -> Parameters.of()
                                    .put("id", id)
                                    .put("at", at)
                                    .put("channel", row.text(Field.CHANNEL))
                                    .put("currency", row.text(Field.CURRENCY))
                                    .put("personKey", personKey)
                                    .put("add", seenBefore.test(kind.name() + ":" + id))
                                    .put("lines", new LinkedHashMap<String, Map<String, Object>>())
                                    .map());
            if (order.get("personKey") == null) {
                order.put("personKey", personKey);
            }
            @SuppressWarnings("unchecked")
            var lines = (Map<String, Map<String, Object>>) order.get("lines");
            lines.merge(
                    sku,
                    Parameters.of()
                            .put("sku", sku)
                            .put("quantity", row.number(Field.QUANTITY))
                            .put("unitPrice", row.decimal(Field.UNIT_PRICE))
                            .map(),
                    (old, next) -> {
                        old.put("quantity", (Long) old.get("quantity") + (Long) next.get("quantity"));
                        if (next.get("unitPrice") != null) {
                            old.put("unitPrice", next.get("unitPrice"));
                        }
                        return old;
                    });
        }
        upserts.write(tx);
        pendingProducts = upserts;
        for (Kind kind : Kind.values()) {
            Map<String, Map<String, Object>> ofKind = orders.get(kind);
            if (ofKind == null) {
                continue;
            }
            Set<String> known = new HashSet<>(tx.run(kind.known, Map.of("ids", List.copyOf(ofKind.keySet())))
                    .single()
                    .get("known")
                    .asList(v -> v.asString()));
            List<Map<String, Object>> parameters = new ArrayList<>(ofKind.size());
            for (Map<String, Object> order : ofKind.values()) {
                Map<String, Object> copy = new LinkedHashMap<>(order);
                boolean isKnown = known.contains((String) order.get("id"));
                copy.put("known", isKnown);
                // the first batch of this import to touch an order replaces its lines, so their sum is its total;
                // a later batch adds lines, and the total is summed in the graph
                copy.put(
                        "total",
                        Boolean.TRUE.equals(order.get("add"))
                                ? null
                                : totalOf(((Map<?, ?>) order.get("lines")).values()));
                copy.put("lines", new ArrayList<>(((Map<?, ?>) order.get("lines")).values()));
                parameters.add(copy);
            }
            tx.run(kind.upsert, Map.of("orders", parameters, "source", context.source()))
                    .consume();
        }
    }

    /** The sum of quantity times unit price, or {@code null} when a line has no price of its own. */
    private static Double totalOf(java.util.Collection<?> lines) {
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (Object line : lines) {
            var map = (Map<?, ?>) line;
            if (map.get("unitPrice") == null) {
                return null;
            }
            // decimal arithmetic: a float sum of 6 x 2.55 would be 15.299999999999999
            total = total.add(java.math.BigDecimal.valueOf((Double) map.get("unitPrice"))
                    .multiply(java.math.BigDecimal.valueOf((Long) map.get("quantity"))));
        }
        return total.doubleValue();
    }

    @Override
    public void committed(List<CleanRow> rows) {
        for (CleanRow row : rows) {
            remember.accept(
                    (row.cancellation() ? Kind.CANCELLATION : Kind.ORDER).name() + ":" + row.text(Field.ORDER_ID));
        }
        if (pendingProducts != null) {
            pendingProducts.committed();
            pendingProducts = null;
        }
    }
}
