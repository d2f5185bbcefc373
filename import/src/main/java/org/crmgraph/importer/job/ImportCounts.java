package org.crmgraph.importer.job;

import java.util.HashMap;
import java.util.Map;

/**
 * Where an import stands. {@code rowsRead = rowsImported + rowsRejected + duplicateRows} once the
 * rows read have been written.
 *
 * @param rowsImported  rows written (or, in a dry run, that would be)
 * @param valuesDropped invalid values left out of rows that were imported anyway
 * @param lastLine      the last source line covered by a committed batch
 */
public record ImportCounts(
        long rowsRead,
        long rowsImported,
        long rowsRejected,
        long duplicateRows,
        long valuesDropped,
        long customersCreated,
        long customersMatched,
        long lastLine,
        long bytesRead) {

    public static final ImportCounts ZERO = new ImportCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public ImportCounts plusCustomers(long created, long matched) {
        return new ImportCounts(
                rowsRead,
                rowsImported,
                rowsRejected,
                duplicateRows,
                valuesDropped,
                customersCreated + created,
                customersMatched + matched,
                lastLine,
                bytesRead);
    }

    Map<String, Object> properties() {
        Map<String, Object> map = new HashMap<>();
        map.put("rowsRead", rowsRead);
        map.put("rowsImported", rowsImported);
        map.put("rowsRejected", rowsRejected);
        map.put("duplicateRows", duplicateRows);
        map.put("valuesDropped", valuesDropped);
        map.put("customersCreated", customersCreated);
        map.put("customersMatched", customersMatched);
        map.put("lastLine", lastLine);
        map.put("bytesRead", bytesRead);
        return map;
    }
}
