package org.crmgraph.importer.clean;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import org.crmgraph.importer.mapping.Field;

/**
 * A row whose fields are clean and typed. Fields the mapping does not fill, or that were blank,
 * are absent.
 *
 * @param cancellation an order line that cancels earlier purchases (see {@code OrderRules})
 */
public record CleanRow(long line, long fingerprint, Map<Field, Object> values, boolean cancellation) {

    public CleanRow(long line, long fingerprint, EnumMap<Field, Object> values) {
        this(line, fingerprint, values, false);
    }

    public boolean has(Field field) {
        return values.containsKey(field);
    }

    public String text(Field field) {
        Object value = values.get(field);
        return value == null ? null : value.toString();
    }

    public Long number(Field field) {
        return (Long) values.get(field);
    }

    public Double decimal(Field field) {
        return (Double) values.get(field);
    }

    public OffsetDateTime time(Field field) {
        return (OffsetDateTime) values.get(field);
    }

    public Object get(Field field) {
        return values.get(field);
    }

    CleanRow asCancellation() {
        return new CleanRow(line, fingerprint, values, true);
    }
}
