package org.crmgraph.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.data.DataFolderProperties;
import org.crmgraph.graph.event.DomainEvents;
import org.crmgraph.graph.event.ImportFinished;
import org.crmgraph.graph.lease.Lease;
import org.crmgraph.graph.lease.Leases;
import org.crmgraph.graph.privacy.Tombstones;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.Outcome;
import org.crmgraph.importer.identity.DuplicateResolution;
import org.crmgraph.importer.job.ImportCounts;
import org.crmgraph.importer.job.ImportJob;
import org.crmgraph.importer.job.ImportJobRepository;
import org.crmgraph.importer.job.ImportJobStatus;
import org.crmgraph.importer.mapping.EntityType;
import org.crmgraph.importer.mapping.ImportMapping;
import org.crmgraph.importer.mapping.InvalidMappingException;
import org.crmgraph.importer.mapping.MappingLoader;
import org.crmgraph.importer.read.MalformedFileException;
import org.crmgraph.importer.read.ReadLimits;
import org.crmgraph.importer.read.RowSource;
import org.crmgraph.importer.read.RowSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Bulk imports: run in the foreground (the command line) or queued in the background (GraphQL), one at a time among
 * all instances that share the graph (the {@value #LEASE} lease); a finished import is announced as
 * {@link ImportFinished}. A background import may only read files inside the import folder.
 */
@Service
@DependsOn("schemaMigrations")
public class ImportService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private static final Duration STALE = Duration.ofMinutes(10);
    /** The lease an import holds while it writes: one import at a time among all instances sharing the graph. */
    public static final String LEASE = "import";

    private static final Duration WAIT_POLL = Duration.ofSeconds(1);

    private final ImportJobRepository jobs;
    private final DomainEvents events;
    private final Leases leases;
    private final Importer importer;
    private final Path folder;
    private final Path reportFolder;
    private final ExecutorService background;
    private final ReadLimits limits;
    private final DuplicateResolution duplicates;

    public ImportService(
            CypherRunner cypher,
            ImportJobRepository jobs,
            ImportProperties properties,
            DataFolderProperties data,
            DomainEvents events,
            Leases leases,
            Tombstones tombstones,
            DuplicateResolution duplicates) {
        this.jobs = jobs;
        this.leases = leases;
        this.events = events;
        this.limits = properties.readLimits();
        this.importer = new Importer(cypher, jobs, properties.batchSize(), tombstones, limits, duplicates);
        this.duplicates = duplicates;
        // one import runs, a few wait; beyond that a client is told to come back rather than queueing without end
        this.background = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.maxQueuedImports()),
                Thread.ofPlatform().name("crm-import-", 0).daemon().factory());
        this.folder = absolute(
                properties.folder() != null
                        ? properties.folder()
                        : data.dataDir().resolve("import"));
        this.reportFolder = absolute(
                properties.reportFolder() != null
                        ? properties.reportFolder()
                        : data.dataDir().resolve("import-reports"));
    }

    /** Where reject reports go unless the caller names a file. */
    public Path reportFolder() {
        return reportFolder;
    }

    public ReadLimits limits() {
        return limits;
    }

    /** The folder background imports read from. */
    public Path folder() {
        return folder;
    }

    /**
     * Runs an import in this thread (the command line): returns the finished job or throws with the reason.
     *
     * @throws org.crmgraph.graph.lease.LeaseHeldException when an import is running on another instance
     */
    public ImportJob run(ImportRequest request, ImportProgressListener listener) {
        ImportMapping loaded = MappingLoader.load(request.mapping());
        ImportMapping mapping = request.source() == null ? loaded : loaded.withSource(request.source());
        try (Lease lease = leases.acquire(LEASE)) {
            Importer.Prepared prepared =
                    prepare(request.file(), mapping, request.type(), request.dryRun(), request.reportFile());
            return announce(importer.run(prepared, whileHeld(lease, listener)));
        }
    }

    /**
     * Records a first load that Neo4j's bulk importer wrote while the database was down, once it is up: the job (with
     * the counts and reject report of the read), the source records in their matching blocks and, with probabilistic
     * matching on, the comparison of each with its blocks, as after an online import; then the import is announced.
     */
    public ImportJob recordFirstLoad(FirstLoad.Prepared load) {
        try (Lease lease = leases.acquire(LEASE)) {
            String file = load.file().toString();
            jobs.create(
                    load.jobId(),
                    load.mapping().name(),
                    load.mapping().type().key(),
                    file,
                    false,
                    load.bytesTotal(),
                    load.reportFile().toString());
            duplicates.index(load.people());
            jobs.duplicates(load.jobId(), duplicates.afterImport(load.people()));
            return announce(jobs.status(load.jobId(), ImportJobStatus.SUCCEEDED, load.counts(), null));
        }
    }

    /**
     * Queues an import of a file in the import folder.
     *
     * @param file    relative to the import folder (an absolute path must lie inside it)
     * @param mapping a built-in mapping name or a mapping file in the import folder
     */
    public Outcome<ImportJob> start(String file, String mapping, EntityType type, boolean dryRun) {
        Outcome<Path> source = insideImportFolder("file", file);
        if (!source.succeeded()) {
            return Outcome.failure(source.errors());
        }
        ImportMapping loaded;
        try {
            if (MappingLoader.BUILT_IN.contains(mapping)) {
                loaded = MappingLoader.builtIn(mapping);
            } else {
                Outcome<Path> mappingFile = insideImportFolder("mapping", mapping);
                if (!mappingFile.succeeded()) {
                    return Outcome.failure(mappingFile.errors());
                }
                loaded = MappingLoader.load(mappingFile.value().toString());
            }
        } catch (InvalidMappingException e) {
            return Outcome.failure("mapping", ErrorCode.INVALID_FORMAT, e.getMessage());
        }
        Importer.Prepared prepared;
        try {
            prepared = prepare(source.value(), loaded, type, dryRun, null);
        } catch (InvalidMappingException e) {
            return Outcome.failure("type", ErrorCode.INVALID_FORMAT, e.getMessage());
        } catch (MalformedFileException e) {
            return Outcome.failure("file", ErrorCode.INVALID_FORMAT, e.getMessage());
        }
        try {
            submit(prepared);
        } catch (RejectedExecutionException e) {
            jobs.status(prepared.job().id(), ImportJobStatus.FAILED, ImportCounts.ZERO, "too many imports waiting");
            return Outcome.failure(
                    "file",
                    ErrorCode.INVALID_STATE,
                    "Too many imports are waiting already (crm.import.max-queued-imports); start this one when they"
                            + " are done.");
        }
        return Outcome.success(prepared.job());
    }

    private void submit(Importer.Prepared prepared) {
        background.execute(() -> {
            try {
                try (Lease lease = leases.acquireWhenFree(LEASE, WAIT_POLL)) {
                    announce(importer.run(prepared, whileHeld(lease, ImportProgressListener.NONE)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ImportFailedException e) {
                // recorded on the job; the client reads it from importJob(id)
            } catch (RuntimeException e) {
                log.error("Import {} stopped", prepared.job().id(), e);
            }
        });
    }

    /**
     * Checked after every committed batch: an import whose lease lapsed stops there (the job fails with the reason),
     * since another instance may be importing into the same graph by now.
     */
    private static ImportProgressListener whileHeld(Lease lease, ImportProgressListener listener) {
        return (counts, bytesTotal) -> {
            listener.progress(counts, bytesTotal);
            lease.ensureHeld();
        };
    }

    /** A finished import (not a dry run) is announced, whoever started it. */
    private ImportJob announce(ImportJob finished) {
        if (!finished.dryRun()) {
            events.publish(new ImportFinished(
                    finished.id(), finished.type(), finished.rowsImported(), finished.rowsRejected(), events.now()));
        }
        return finished;
    }

    public Optional<ImportJob> job(String id) {
        return jobs.find(id);
    }

    public List<ImportJob> recentJobs(int limit) {
        return jobs.recent(limit);
    }

    /**
     * Jobs a killed process left RUNNING are marked INTERRUPTED, so nobody waits on them; not while another instance
     * holds the import lease, since its job is running.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void interruptStaleJobs() {
        if (leases.holder(LEASE).isPresent()) {
            return;
        }
        long interrupted = jobs.interruptStale(STALE);
        if (interrupted > 0) {
            log.info("Marked {} import job(s) left running by a stopped process as INTERRUPTED", interrupted);
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }

    private Importer.Prepared prepare(Path file, ImportMapping mapping, EntityType type, boolean dryRun, Path report) {
        if (type != null && type != mapping.type()) {
            throw new InvalidMappingException(
                    "mapping " + mapping.name() + " imports " + mapping.type().key() + ", not " + type.key());
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new MalformedFileException(0, 0, "cannot read " + file + ": no such file, or not readable");
        }
        try (RowSource source = RowSources.open(file, mapping.format(), mapping.delimiter(), limits)) {
            Importer.missingOptionalColumns(source, mapping);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String id = newJobId();
        Path reportFile = report != null ? absolute(report) : reportFolder.resolve(id + "-rejects.csv");
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportJob job = jobs.create(
                id, mapping.name(), mapping.type().key(), file.toString(), dryRun, size, reportFile.toString());
        return new Importer.Prepared(mapping, file, job, reportFile, dryRun);
    }

    /** {@code imp-<local date and time>-<4 random hex digits>}. */
    static String newJobId() {
        return "imp-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    }

    private Outcome<Path> insideImportFolder(String field, String requested) {
        if (requested == null || requested.isBlank()) {
            return Outcome.failure(field, ErrorCode.REQUIRED, field + " is required");
        }
        try {
            Files.createDirectories(folder);
            Path path = folder.resolve(requested).normalize();
            if (!path.startsWith(folder)) {
                return Outcome.failure(
                        field,
                        ErrorCode.OUTSIDE_IMPORT_FOLDER,
                        "only files inside the import folder can be imported (crm.import.folder)");
            }
            if (!Files.isRegularFile(path)) {
                return Outcome.failure(field, ErrorCode.NOT_FOUND, "no file '" + requested + "' in the import folder");
            }
            // a symbolic link inside the folder must not lead out of it
            if (!path.toRealPath().startsWith(folder.toRealPath())) {
                return Outcome.failure(
                        field,
                        ErrorCode.OUTSIDE_IMPORT_FOLDER,
                        "'" + requested + "' links to a file outside the import folder");
            }
            return Outcome.success(path);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return Outcome.failure(field, ErrorCode.INVALID_FORMAT, "not a usable path: " + e.getMessage());
        }
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
