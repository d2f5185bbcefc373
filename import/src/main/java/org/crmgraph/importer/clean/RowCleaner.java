package org.crmgraph.importer.clean;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.importer.mapping.EntityType;
import org.crmgraph.importer.mapping.Field;
import org.crmgraph.importer.mapping.FieldRule;
import org.crmgraph.importer.mapping.FieldRule.OnInvalid;
import org.crmgraph.importer.mapping.ImportMapping;
import org.crmgraph.importer.mapping.OrderRules;
import org.crmgraph.importer.read.SourceRow;

/**
 * Applies a mapping to source rows: each field is read from its column (or its default), cleaned by
 * its kind, and checked against the mapping's rules; then what the rows mean in their source is
 * checked (an order line with a negative quantity is a cancellation or an adjustment, never an order).
 * Not thread-safe: one per import.
 */
public final class RowCleaner {

    private final ImportMapping mapping;
    private final Map<Field, FieldCleaner> cleaners = new EnumMap<>(Field.class);

    public RowCleaner(ImportMapping mapping) {
        this.mapping = mapping;
        mapping.fields()
                .forEach((field, rule) ->
                        cleaners.put(field, new FieldCleaner(rule, mapping.zone(), mapping.defaultCountry())));
    }

    public RowResult clean(SourceRow source) {
        EnumMap<Field, Object> values = new EnumMap<>(Field.class);
        List<ReportEntry> entries = new ArrayList<>(0);
        for (FieldRule rule : mapping.fields().values()) {
            String raw = rule.column() == null ? null : read(source, rule);
            String used = raw == null || raw.isBlank() ? rule.defaultValue() : raw;
            String column = rule.column() == null ? rule.field().key() : rule.column();
            if (used == null || used.isBlank()) {
                if (rule.required()) {
                    String reason = raw == null && rule.column() != null
                            ? "column '" + rule.column() + "' is missing"
                            : "required " + rule.field().key() + " is empty";
                    return rejected(source.line(), column, "", reason);
                }
                continue;
            }
            Cleaned cleaned = cleaners.get(rule.field()).clean(used);
            if (cleaned instanceof Cleaned.Value(Object value)) {
                values.put(rule.field(), value);
            } else if (cleaned instanceof Cleaned.Invalid(String reason)) {
                if (rule.required() || rule.onInvalid() == OnInvalid.REJECT) {
                    return rejected(source.line(), column, used, rule.field().key() + ": " + reason);
                }
                entries.add(new ReportEntry(
                        source.line(),
                        column,
                        used,
                        rule.field().key() + ": " + reason,
                        ReportEntry.Action.VALUE_DROPPED));
            }
        }
        CleanRow row = new CleanRow(source.line(), source.fingerprint(), values);
        if (mapping.type() == EntityType.ORDERS) {
            return orderLine(row, entries);
        }
        if (mapping.type() == EntityType.CUSTOMERS
                && !(row.has(Field.CUSTOMER_ID) || row.has(Field.EMAIL) || row.has(Field.PHONE))) {
            return rejected(row.line(), null, "", "no customer id, valid e-mail or valid phone to tell who this is");
        }
        return new RowResult(row, entries);
    }

    /** Online-Retail-like semantics: see {@link OrderRules}. */
    private RowResult orderLine(CleanRow row, List<ReportEntry> entries) {
        OrderRules rules = mapping.orders();
        String orderId = row.text(Field.ORDER_ID);
        String sku = row.text(Field.SKU);
        long quantity = row.number(Field.QUANTITY);
        Double price = row.decimal(Field.UNIT_PRICE);
        if (rules.nonProductSkus().contains(sku)) {
            return rejected(row.line(), column(Field.SKU), sku, "not a product (postage, fee or adjustment line)");
        }
        if (price != null && price < 0) {
            return rejected(row.line(), column(Field.UNIT_PRICE), String.valueOf(price), "negative unit price");
        }
        if (quantity == 0) {
            return rejected(row.line(), column(Field.QUANTITY), "0", "quantity is zero");
        }
        boolean cancellation = rules.cancellationPrefix() != null && orderId.startsWith(rules.cancellationPrefix());
        if (cancellation) {
            if (quantity > 0) {
                return rejected(
                        row.line(),
                        column(Field.QUANTITY),
                        String.valueOf(quantity),
                        "a cancellation with a positive quantity");
            }
            row.values().put(Field.QUANTITY, -quantity);
            return new RowResult(row.asCancellation(), entries);
        }
        if (quantity < 0) {
            return rejected(
                    row.line(),
                    column(Field.QUANTITY),
                    String.valueOf(quantity),
                    "negative quantity on an order that is not a cancellation (a stock adjustment)");
        }
        return new RowResult(row, entries);
    }

    private static String read(SourceRow source, FieldRule rule) {
        String first = source.get(rule.column());
        if (rule.joined().isEmpty()) {
            return first;
        }
        StringBuilder joined = new StringBuilder(first == null ? "" : first.strip());
        for (String column : rule.joined()) {
            String value = source.get(column);
            if (value != null && !value.isBlank()) {
                if (!joined.isEmpty()) {
                    joined.append(' ');
                }
                joined.append(value.strip());
            }
        }
        return first == null && joined.isEmpty() ? null : joined.toString();
    }

    private String column(Field field) {
        FieldRule rule = mapping.rule(field);
        return rule == null || rule.column() == null ? field.key() : rule.column();
    }

    private static RowResult rejected(long line, String column, String value, String reason) {
        return new RowResult(null, List.of(ReportEntry.rejected(line, column, value, reason)));
    }
}
