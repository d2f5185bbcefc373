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
 */
public record FieldRule(
        Field field,
        String column,
        boolean required,
        String defaultValue,
        OnInvalid onInvalid,
        List<String> formats,
        boolean titleCase) {

    public enum OnInvalid {
        REJECT,
        DROP
    }
}
