package org.crmgraph.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.crmgraph.importer.clean.CleanRow;
import org.crmgraph.importer.clean.ReportEntry;
import org.crmgraph.importer.clean.RowCleaner;
import org.crmgraph.importer.clean.RowResult;
import org.crmgraph.importer.job.ImportCounts;
import org.crmgraph.importer.job.RejectReport;
import org.crmgraph.importer.mapping.EntityType;
import org.crmgraph.importer.mapping.Field;
import org.crmgraph.importer.mapping.ImportMapping;
import org.crmgraph.importer.read.RowSource;
import org.crmgraph.importer.read.SourceRow;

/**
 * Reads a source through a mapping into batches of cleaned rows: exact duplicate rows dropped, invalid rows and
 * values reported, an order's lines kept in one batch when the file keeps them together. What both the online
 * import and the offline first load see of a file, so both clean, report and de-duplicate alike.
 */
public final class CleanRowReader {

    /**
     * Cleaned rows and where the reading stood after them.
     *
     * @param counts rows read, rejected, duplicated and values dropped up to the batch's last row (nothing written)
     */
    public record Batch(List<CleanRow> rows, ImportCounts counts) {}

    /** Takes each batch; may block (a bounded queue to a writer). */
    @FunctionalInterface
    public interface BatchSink {
        void accept(Batch batch) throws InterruptedException;
    }

    private final ImportMapping mapping;
    private final int batchSize;

    public CleanRowReader(ImportMapping mapping, int batchSize) {
        this.mapping = mapping;
        this.batchSize = batchSize;
    }

    /** Reads the whole source (or until {@code stop} says so) into {@code sink}, reporting into {@code report}. */
    public void read(RowSource source, RejectReport report, BatchSink sink, BooleanSupplier stop)
            throws InterruptedException {
        var cleaner = new RowCleaner(mapping);
        var fingerprints = new LongHashSet();
        long read = 0;
        long rejected = 0;
        long duplicates = 0;
        long dropped = 0;
        List<CleanRow> rows = new ArrayList<>(batchSize);
        String lastOrder = null;
        long lastLine = 0;
        SourceRow row;
        while ((row = source.next()) != null && !stop.getAsBoolean()) {
            read++;
            long previousLine = lastLine;
            lastLine = row.line();
            if (!fingerprints.add(row.fingerprint())) {
                duplicates++;
                report.add(new ReportEntry(
                        row.line(), null, "", "exact duplicate of an earlier row", ReportEntry.Action.DUPLICATE));
                continue;
            }
            RowResult result = cleaner.clean(row);
            for (ReportEntry entry : result.entries()) {
                report.add(entry);
                if (entry.action() == ReportEntry.Action.VALUE_DROPPED) {
                    dropped++;
                }
            }
            if (result.rejected()) {
                rejected++;
                continue;
            }
            // an order's lines stay in one batch when the file keeps them together
            String order = mapping.type() == EntityType.ORDERS ? result.row().text(Field.ORDER_ID) : null;
            boolean full = rows.size() >= batchSize && (order == null || !order.equals(lastOrder))
                    || rows.size() >= 2 * batchSize;
            if (full) {
                // the batch covers every source row before this one
                sink.accept(new Batch(
                        rows,
                        new ImportCounts(
                                read - 1, 0, rejected, duplicates, dropped, 0, 0, previousLine, source.bytesRead())));
                rows = new ArrayList<>(batchSize);
            }
            rows.add(result.row());
            lastOrder = order;
        }
        if (read > 0) {
            sink.accept(new Batch(
                    rows,
                    new ImportCounts(read, 0, rejected, duplicates, dropped, 0, 0, lastLine, source.bytesRead())));
        }
    }
}
