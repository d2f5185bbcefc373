package org.crmgraph.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.crmgraph.importer.clean.CleanRow;
import org.crmgraph.importer.clean.ReportEntry;
import org.crmgraph.importer.identity.Person;
import org.crmgraph.importer.identity.WholeFileResolution;
import org.crmgraph.importer.job.ImportCounts;
import org.crmgraph.importer.job.RejectReport;
import org.crmgraph.importer.mapping.EntityType;
import org.crmgraph.importer.mapping.ImportMapping;
import org.crmgraph.importer.mapping.InvalidMappingException;
import org.crmgraph.importer.offline.ImporterFiles;
import org.crmgraph.importer.offline.OrderHistory;
import org.crmgraph.importer.read.ReadLimits;
import org.crmgraph.importer.read.RowSource;
import org.crmgraph.importer.read.RowSources;

/**
 * The read side of a first load of an order history into an empty graph through Neo4j's own bulk importer: the file
 * is read, cleaned, de-duplicated and reported by the same {@link CleanRowReader} as the online import, its people
 * resolved by the same rules ({@link WholeFileResolution}), its orders and products folded into what the online
 * import would leave ({@link OrderHistory}), and all of it written as the importer's CSV files. Running the importer
 * (the embedded store's business) and recording the job (the service's) come after.
 *
 * <p>Holds the whole history in memory (about 100 bytes per order line): this is for the scale the online import's
 * transactions cannot reach, on a machine with the memory for it.
 */
public final class FirstLoad {

    /**
     * A file ready for the importer.
     *
     * @param people the provenance keys of every source record, for identity resolution once the graph is up
     */
    public record Prepared(
            String jobId,
            ImportMapping mapping,
            Path file,
            long bytesTotal,
            Path reportFile,
            ImportCounts counts,
            ImporterFiles.Written files,
            List<String> people) {}

    private FirstLoad() {}

    /**
     * Reads {@code file} through {@code mapping} into importer files in {@code work}.
     *
     * @throws InvalidMappingException for a mapping that does not import order lines
     * @throws org.crmgraph.importer.read.MalformedFileException when the file cannot be read as the mapping says
     */
    public static Prepared prepare(
            ImportMapping mapping,
            Path file,
            Path work,
            Path reportFolder,
            Path reportFile,
            ReadLimits limits,
            ImportProgressListener listener)
            throws IOException {
        if (mapping.type() != EntityType.ORDERS) {
            throw new InvalidMappingException("a first load through Neo4j's importer takes order lines; mapping "
                    + mapping.name() + " imports " + mapping.type().key()
                    + ": import it without --offline once the first load is in");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new org.crmgraph.importer.read.MalformedFileException(
                    0, 0, "cannot read " + file + ": no such file, or not readable");
        }
        String jobId = ImportService.newJobId();
        Path report = reportFile != null
                ? reportFile.toAbsolutePath().normalize()
                : reportFolder.resolve(jobId + "-rejects.csv");
        long bytesTotal = Files.size(file);
        OffsetDateTime fileTime = Importer.lastModified(file);
        var people = new WholeFileResolution(mapping.match());
        var history = new OrderHistory();
        long[] kept = {0};
        ImportCounts[] read = {ImportCounts.ZERO};
        try (RowSource source = RowSources.open(file, mapping.format(), mapping.delimiter(), limits);
                RejectReport rejects = new RejectReport(report)) {
            for (String column : Importer.missingOptionalColumns(source, mapping)) {
                rejects.add(new ReportEntry(
                        1,
                        column,
                        "",
                        "the file has no such column; the field stays empty",
                        ReportEntry.Action.VALUE_DROPPED));
            }
            new CleanRowReader(mapping, 10_000)
                    .read(
                            source,
                            rejects,
                            batch -> {
                                for (CleanRow row : batch.rows()) {
                                    Person person =
                                            Person.of(mapping.source(), row, Importer.observedAt(row, fileTime));
                                    people.add(person);
                                    history.add(row, person == null ? null : person.key(), fileTime);
                                }
                                kept[0] += batch.rows().size();
                                read[0] = batch.counts();
                                listener.progress(imported(batch.counts(), kept[0], 0), bytesTotal);
                            },
                            () -> false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the first load was interrupted", e);
        }
        WholeFileResolution.Result resolved = people.resolve();
        ImporterFiles.Written files = new ImporterFiles(work, OffsetDateTime.now(ZoneOffset.UTC))
                .write(resolved, history, mapping.source(), file.getFileName().toString());
        return new Prepared(
                jobId,
                mapping,
                file,
                bytesTotal,
                report,
                imported(read[0], kept[0], resolved.customers().size()),
                files,
                resolved.records().stream().map(WholeFileResolution.Record::key).toList());
    }

    private static ImportCounts imported(ImportCounts read, long imported, long customers) {
        return new ImportCounts(
                read.rowsRead(),
                imported,
                read.rowsRejected(),
                read.duplicateRows(),
                read.valuesDropped(),
                customers,
                0,
                read.lastLine(),
                read.bytesRead());
    }
}
