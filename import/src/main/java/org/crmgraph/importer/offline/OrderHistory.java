package org.crmgraph.importer.offline;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.crmgraph.importer.clean.CleanRow;
import org.crmgraph.importer.mapping.Field;

/**
 * The orders, cancellations and products of a whole order-lines file folded into what the online import's
 * {@code OrderLinesWriter} and product upserts leave in an empty graph once every batch is in: rows for one order and
 * product add up, with the last given unit price; an order's total is the exact decimal sum of its lines; a product
 * takes, field by field, its most recently observed non-empty value (its name, else its SKU).
 */
public final class OrderHistory {

    /** An order or a cancellation, by its kind and id. */
    public static final class Order {
        public final boolean cancellation;
        public final String id;
        public final OffsetDateTime at;
        public String channel;
        public String currency;
        /** who placed it: provenance keys of the rows that name someone, in file order */
        public final Set<String> personKeys = new LinkedHashSet<>(1);

        public final Map<String, Line> lines = new LinkedHashMap<>();

        Order(boolean cancellation, String id, OffsetDateTime at) {
            this.cancellation = cancellation;
            this.id = id;
            this.at = at;
        }

        /** The exact decimal sum of quantity times unit price; a line without a price takes its product's. */
        public double total(Map<String, Product> products) {
            BigDecimal total = BigDecimal.ZERO;
            for (var line : lines.entrySet()) {
                Double price = line.getValue().unitPrice(products.get(line.getKey()));
                total = total.add(BigDecimal.valueOf(price).multiply(BigDecimal.valueOf(line.getValue().quantity)));
            }
            return total.doubleValue();
        }
    }

    /** One product's line of an order. */
    public static final class Line {
        public long quantity;
        Double unitPrice;

        /** The line's own price, else the product's, else 0 (as the online import writes it). */
        public double unitPrice(Product product) {
            return unitPrice != null ? unitPrice : product != null && product.price != null ? product.price : 0.0;
        }
    }

    /** A product as the rows describe it. */
    public static final class Product {
        public final String sku;
        public String name;
        public String description;
        public Double price;
        public String currency;
        public String category;
        public OffsetDateTime observedAt;

        Product(String sku) {
            this.sku = sku;
        }

        void observe(String name, Double price, String currency, String category, OffsetDateTime at) {
            boolean newer = observedAt == null || !at.isBefore(observedAt);
            this.name = pick(newer, name, this.name);
            this.price = pick(newer, price, this.price);
            this.currency = pick(newer, currency, this.currency);
            this.category = pick(newer, category, this.category);
            if (newer) {
                observedAt = at;
            }
        }

        private static <T> T pick(boolean newer, T observed, T known) {
            return newer ? (observed != null ? observed : known) : (known != null ? known : observed);
        }
    }

    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<String, Product> products = new HashMap<>();

    /**
     * @param personKey the provenance key of who the row names, or {@code null} (a guest checkout)
     * @param fileTime  the time of a row without one of its own
     */
    public void add(CleanRow row, String personKey, OffsetDateTime fileTime) {
        boolean cancellation = row.cancellation();
        String id = row.text(Field.ORDER_ID);
        OffsetDateTime at = row.time(Field.PLACED_AT) != null ? row.time(Field.PLACED_AT) : fileTime;
        Product product = products.computeIfAbsent(row.text(Field.SKU), Product::new);
        product.observe(
                row.text(Field.PRODUCT_NAME),
                row.decimal(Field.UNIT_PRICE),
                row.text(Field.CURRENCY),
                row.text(Field.CATEGORY),
                at);
        Order order = orders.computeIfAbsent((cancellation ? "C:" : "O:") + id, k -> new Order(cancellation, id, at));
        if (order.channel == null) {
            order.channel = row.text(Field.CHANNEL);
        }
        if (order.currency == null) {
            order.currency = row.text(Field.CURRENCY);
        }
        if (personKey != null) {
            order.personKeys.add(personKey);
        }
        // the product's own SKU string: one copy per product, not one per line
        Line line = order.lines.computeIfAbsent(product.sku, sku -> new Line());
        Long quantity = row.number(Field.QUANTITY);
        line.quantity += quantity == null ? 0 : quantity;
        if (row.decimal(Field.UNIT_PRICE) != null) {
            line.unitPrice = row.decimal(Field.UNIT_PRICE);
        }
    }

    public Collection<Order> orders() {
        return orders.values();
    }

    public Map<String, Product> products() {
        return products;
    }
}
