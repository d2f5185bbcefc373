package org.crmgraph.importer.clean;

/**
 * One line of the rejected-rows report.
 *
 * @param column the source column ({@code null} for a problem with the whole row)
 * @param action {@link Action#REJECTED}: the row was not imported; {@link Action#VALUE_DROPPED}: the row
 *               was imported without this value (the mapping says {@code invalid: drop});
 *               {@link Action#DUPLICATE}: the row repeats an earlier row exactly and was dropped
 */
public record ReportEntry(long line, String column, String value, String reason, Action action) {

    public enum Action {
        REJECTED,
        VALUE_DROPPED,
        DUPLICATE
    }

    public static ReportEntry rejected(long line, String column, String value, String reason) {
        return new ReportEntry(line, column, value, reason, Action.REJECTED);
    }
}
