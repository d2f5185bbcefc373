package org.crmgraph.importer.mapping;

import java.util.List;

/**
 * How one field is filled: from a column (or a constant {@code defaultValue} when there is no
 * column or the cell is empty), whether an empty value rejects the row, and what an invalid value
 * does: reject the row, or drop the value and keep the row (noted in the report).
 *
 * @param formats date-time patterns ({@link java.time.format.DateTimeFormatter} syntax) tried
 *                after the ISO-8601 forms
 * @param titleCase text is turned to title case (for sources that write names in capitals)
 * @param joined    further columns whose non-empty values are appended to the column's, with a space
 *                  between (a street number and a street name kept apart by the source)
 */
public record FieldRule(
        Field field,
        String column,
        boolean required,
        String defaultValue,
        OnInvalid onInvalid,
        List<String> formats,
        boolean titleCase,
        List<String> joined) {

    /** Every column the field is read from, in order. */
    public List<String> columns() {
        if (column == null) {
            return List.of();
        }
        if (joined.isEmpty()) {
            return List.of(column);
        }
        var all = new java.util.ArrayList<String>(joined.size() + 1);
        all.add(column);
        all.addAll(joined);
        return all;
    }

    public enum OnInvalid {
        REJECT,
        DROP
    }
}
