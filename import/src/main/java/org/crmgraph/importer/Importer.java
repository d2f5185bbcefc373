package org.crmgraph.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.privacy.Tombstones;
import org.crmgraph.graph.text.Fingerprints;
import org.crmgraph.importer.CleanRowReader.Batch;
import org.crmgraph.importer.clean.CleanRow;
import org.crmgraph.importer.clean.ReportEntry;
import org.crmgraph.importer.identity.DuplicateResolution;
import org.crmgraph.importer.identity.ErasedPeople;
import org.crmgraph.importer.identity.IdentityResolver;
import org.crmgraph.importer.identity.Person;
import org.crmgraph.importer.identity.Resolution;
import org.crmgraph.importer.job.ImportCounts;
import org.crmgraph.importer.job.ImportJob;
import org.crmgraph.importer.job.ImportJobRepository;
import org.crmgraph.importer.job.ImportJobStatus;
import org.crmgraph.importer.job.RejectReport;
import org.crmgraph.importer.mapping.EntityType;
import org.crmgraph.importer.mapping.Field;
import org.crmgraph.importer.mapping.FieldRule;
import org.crmgraph.importer.mapping.ImportMapping;
import org.crmgraph.importer.read.MalformedFileException;
import org.crmgraph.importer.read.ReadLimits;
import org.crmgraph.importer.read.RowSource;
import org.crmgraph.importer.read.RowSources;
import org.crmgraph.importer.write.ArticlesWriter;
import org.crmgraph.importer.write.CustomersWriter;
import org.crmgraph.importer.write.EntityWriter;
import org.crmgraph.importer.write.InteractionsWriter;
import org.crmgraph.importer.write.OrderLinesWriter;
import org.crmgraph.importer.write.ProductsWriter;
import org.crmgraph.importer.write.TicketsWriter;
import org.crmgraph.importer.write.WriteContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one import as a two-stage pipeline: a reader thread parses, cleans and de-duplicates rows into
 * batches; the calling thread writes each batch in one transaction (identity resolution, entities and
 * the job's counts together), so a crash or a kill loses nothing committed and the job's counts never
 * run ahead of the data. A fatal error in the file stops the import before the batch that holds it.
 */
final class Importer {

    private static final Logger log = LoggerFactory.getLogger(Importer.class);
    private static final int QUEUED_BATCHES = 3;

    private record Failure(RuntimeException error) {}

    static final String ERASED_REASON =
            "ERASED: the person this row is about was erased; nothing about them is imported again";

    private enum End {
        END
    }

    /** An import whose mapping, file and header are checked and whose job exists. */
    record Prepared(ImportMapping mapping, Path file, ImportJob job, Path reportFile, boolean dryRun) {}

    private final CypherRunner cypher;
    private final ImportJobRepository jobs;
    private final int batchSize;
    private final Tombstones tombstones;

    private final ReadLimits limits;

    private final DuplicateResolution duplicates;

    Importer(
            CypherRunner cypher,
            ImportJobRepository jobs,
            int batchSize,
            Tombstones tombstones,
            ReadLimits limits,
            DuplicateResolution duplicates) {
        this.duplicates = duplicates;
        this.limits = limits;
        this.cypher = cypher;
        this.jobs = jobs;
        this.batchSize = batchSize;
        this.tombstones = tombstones;
    }

    /** What a batch wrote: how its people were resolved, and the lines of rows about erased people, left out. */
    private record Written(Resolution resolution, List<Long> erasedLines) {}

    /**
     * Checks the header against the mapping: missing required columns are fatal, all named at once, before
     * anything is written. Returns the missing optional columns (their fields stay empty).
     */
    static List<String> missingOptionalColumns(RowSource source, ImportMapping mapping) {
        List<String> missing = new ArrayList<>();
        List<String> missingRequired = new ArrayList<>();
        if (source.columns().isEmpty()) {
            return missing;
        }
        for (FieldRule rule : mapping.fields().values()) {
            for (String column : rule.columns()) {
                if (!source.columns().contains(column)) {
                    if (rule.required() && rule.defaultValue() == null) {
                        missingRequired.add("'" + column + "' (" + rule.field().key() + ")");
                    } else {
                        missing.add(column);
                    }
                }
            }
        }
        if (!missingRequired.isEmpty()) {
            throw new MalformedFileException(
                    1,
                    0,
                    "the header has no column " + String.join(", ", missingRequired) + " that mapping " + mapping.name()
                            + " requires; it has " + source.columns());
        }
        return missing;
    }

    ImportJob run(Prepared prepared, ImportProgressListener listener) {
        ImportMapping mapping = prepared.mapping();
        String jobId = prepared.job().id();
        OffsetDateTime fileTime = lastModified(prepared.file());
        var context =
                new WriteContext(mapping.source(), prepared.file().getFileName().toString(), fileTime, jobId);
        var seenOrders = new LongHashSet();
        EntityWriter writer = writer(mapping.type(), context, seenOrders);
        var resolver = new IdentityResolver(mapping.match(), duplicates.enabled() && !prepared.dryRun());
        // the source records this import wrote: compared with their blocks once all are in the graph
        Set<String> people = new LinkedHashSet<>();
        ImportCounts counts = ImportCounts.ZERO;
        long imported = 0;
        long created = 0;
        long matched = 0;
        long erased = 0;
        jobs.status(jobId, ImportJobStatus.RUNNING, counts, null);
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        var stop = new AtomicBoolean();
        Thread reader = null;
        try (RowSource source = RowSources.open(prepared.file(), mapping.format(), mapping.delimiter(), limits);
                RejectReport report = new RejectReport(prepared.reportFile())) {
            for (String column : missingOptionalColumns(source, mapping)) {
                report.add(new ReportEntry(
                        1,
                        column,
                        "",
                        "the file has no such column; the field stays empty",
                        ReportEntry.Action.VALUE_DROPPED));
            }
            reader = Thread.ofPlatform()
                    .name("import-read-" + jobId)
                    .daemon()
                    .start(() -> read(source, mapping, report, queue, stop));
            while (true) {
                Object item = queue.take();
                if (item instanceof Failure(RuntimeException error)) {
                    throw error;
                }
                if (item == End.END) {
                    break;
                }
                Batch batch = (Batch) item;
                imported += batch.rows().size();
                Written written = prepared.dryRun()
                        ? null
                        : write(
                                batch,
                                mapping,
                                writer,
                                resolver,
                                context,
                                jobId,
                                withWritten(batch.counts(), imported, created, matched, erased));
                Resolution resolution = written == null ? null : written.resolution();
                if (written != null && !written.erasedLines().isEmpty()) {
                    imported -= written.erasedLines().size();
                    erased += written.erasedLines().size();
                    for (long line : written.erasedLines()) {
                        report.add(ReportEntry.rejected(line, null, "", ERASED_REASON));
                    }
                }
                if (resolution != null) {
                    people.addAll(resolution.written().keySet());
                    resolver.committed(resolution);
                    created += resolution.created();
                    matched += resolution.matched();
                    writer.committed(batch.rows());
                }
                counts = withWritten(batch.counts(), imported, created, matched, erased);
                if (prepared.dryRun()) {
                    jobs.progress(jobId, counts);
                }
                listener.progress(counts, prepared.job().bytesTotal());
            }
            reader.join();
            if (!prepared.dryRun() && mapping.type().carriesIdentity()) {
                jobs.duplicates(jobId, duplicates.afterImport(people));
            }
            return jobs.status(jobId, ImportJobStatus.SUCCEEDED, counts, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(jobId, counts, new IllegalStateException("the import was interrupted", e));
        } catch (RuntimeException e) {
            throw fail(jobId, counts, e);
        } catch (IOException e) {
            throw fail(jobId, counts, new UncheckedIOException(e));
        } finally {
            stop.set(true);
            if (reader != null) {
                reader.interrupt();
            }
        }
    }

    private Written write(
            Batch batch,
            ImportMapping mapping,
            EntityWriter writer,
            IdentityResolver resolver,
            WriteContext context,
            String jobId,
            ImportCounts counts) {
        List<CleanRow> rows = batch.rows();
        List<Person> people = new ArrayList<>(rows.size());
        for (CleanRow row : rows) {
            people.add(
                    mapping.type().carriesIdentity()
                            ? Person.of(mapping.source(), row, observedAt(row, context.fileTime()))
                            : null);
        }
        return cypher.inBatchWrite(tx -> {
            // rows about erased people are left out whole: nothing about them is written again
            ErasedPeople erased = ErasedPeople.among(tx, tombstones, people);
            List<CleanRow> kept = new ArrayList<>(rows.size());
            List<Person> keptPeople = new ArrayList<>(rows.size());
            List<Long> erasedLines = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Person person = people.get(i);
                if (erased.contains(person)) {
                    erasedLines.add(rows.get(i).line());
                } else {
                    kept.add(rows.get(i));
                    keptPeople.add(person);
                }
            }
            Resolution resolution = resolver.resolve(
                    tx, keptPeople.stream().filter(p -> p != null).toList(), context.file());
            List<String> personKeys =
                    keptPeople.stream().map(p -> p == null ? null : p.key()).toList();
            writer.write(tx, kept, personKeys);
            jobs.progress(tx, jobId, counts.plusCustomers(resolution.created(), resolution.matched()));
            return new Written(resolution, erasedLines);
        });
    }

    private void read(
            RowSource source,
            ImportMapping mapping,
            RejectReport report,
            BlockingQueue<Object> queue,
            AtomicBoolean stop) {
        try {
            new CleanRowReader(mapping, batchSize).read(source, report, batch -> put(queue, batch, stop), stop::get);
            put(queue, End.END, stop);
        } catch (RuntimeException e) {
            try {
                put(queue, new Failure(e), stop);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void put(BlockingQueue<Object> queue, Object item, AtomicBoolean stop) throws InterruptedException {
        while (!stop.get()) {
            if (queue.offer(item, 200, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    private static ImportCounts withWritten(ImportCounts read, long imported, long created, long matched, long erased) {
        return new ImportCounts(
                read.rowsRead(),
                imported,
                read.rowsRejected() + erased,
                read.duplicateRows(),
                read.valuesDropped(),
                created,
                matched,
                read.lastLine(),
                read.bytesRead());
    }

    private ImportFailedException fail(String jobId, ImportCounts counts, RuntimeException error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        log.warn("Import {} failed: {}", jobId, message, error instanceof MalformedFileException ? null : error);
        try {
            jobs.status(jobId, ImportJobStatus.FAILED, counts, message);
        } catch (RuntimeException recordFailed) {
            error.addSuppressed(recordFailed);
        }
        return new ImportFailedException(jobId, message, error);
    }

    private static EntityWriter writer(EntityType type, WriteContext context, LongHashSet seenOrders) {
        return switch (type) {
            case CUSTOMERS -> new CustomersWriter();
            case PRODUCTS -> new ProductsWriter(context);
            case ORDERS ->
                new OrderLinesWriter(
                        context,
                        id -> seenOrders.contains(Fingerprints.of(id)),
                        id -> seenOrders.add(Fingerprints.of(id)));
            case TICKETS -> new TicketsWriter(context);
            case INTERACTIONS -> new InteractionsWriter(context);
            case ARTICLES -> new ArticlesWriter(context);
        };
    }

    /** When the source saw a row's values: its own date, else the file's time. */
    static OffsetDateTime observedAt(CleanRow row, OffsetDateTime fileTime) {
        for (Field field : List.of(Field.UPDATED_AT, Field.PLACED_AT, Field.CREATED_AT, Field.OCCURRED_AT)) {
            if (row.time(field) != null) {
                return row.time(field);
            }
        }
        return fileTime;
    }

    static OffsetDateTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().atOffset(ZoneOffset.UTC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
