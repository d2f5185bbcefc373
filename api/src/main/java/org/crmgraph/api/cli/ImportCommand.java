package org.crmgraph.api.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.crmgraph.graph.lease.LeaseHeldException;
import org.crmgraph.importer.ImportFailedException;
import org.crmgraph.importer.ImportRequest;
import org.crmgraph.importer.ImportService;
import org.crmgraph.importer.job.ImportCounts;
import org.crmgraph.importer.job.ImportJob;
import org.crmgraph.importer.mapping.EntityType;
import org.crmgraph.importer.mapping.InvalidMappingException;
import org.crmgraph.importer.mapping.MappingLoader;
import org.crmgraph.importer.read.MalformedFileException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** {@code import --mapping <name|file> [--type T] [--source S] [--dry-run|--offline] [--report F] <file>}: see {@link #USAGE}. */
@Component
class ImportCommand implements Command {

    static final String USAGE = """
            usage: java -jar api.jar import --mapping <name|mapping.yaml> [options] <file.csv[.gz]|file.jsonl[.gz]>

              --mapping M    a built-in mapping (%s) or a mapping file
              --type T       the entity type you expect the mapping to import (customers, products, orders,
                             tickets, interactions, articles); a mismatch stops before anything is written
              --dry-run      clean, validate and report, write nothing to the graph
              --source NAME  the provenance source of every row (default: the mapping's), so two files read
                             with one mapping are two sources whose records identity resolution matches
              --report F     where to write the rejected-rows CSV (default: crm-data/import-reports/<job>-rejects.csv)
              --offline      a first load of an order history into a new, empty data folder through Neo4j's own
                             bulk importer: the same cleaning, report and identity resolution, about twice as fast
                             end to end at 5 million rows; holds the file's orders in memory (about 100 bytes a line)
              --crm.x=y      any service setting, e.g. --spring.neo4j.uri=neo4j://host:7687 to import into an
                             external Neo4j instead of the embedded one in --crm.data-dir

            Exit status: 0 imported; 1 the import failed (the message names the line and column);
                         2 wrong arguments or mapping; 3 the database could not be opened.""".formatted(String.join(", ", MappingLoader.BUILT_IN));

    private final ImportService imports;
    private final ObjectProvider<FirstLoadPreparation.Loaded> firstLoad;

    ImportCommand(ImportService imports, ObjectProvider<FirstLoadPreparation.Loaded> firstLoad) {
        this.imports = imports;
        this.firstLoad = firstLoad;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    /** What the command line asks for; {@link #parse} throws {@link IllegalArgumentException} saying what is wrong. */
    record Arguments(
            String mapping, EntityType type, boolean dryRun, Path report, String source, Path file, boolean offline) {

        static Arguments parse(List<String> arguments) {
            String mapping = null;
            EntityType type = null;
            boolean dryRun = false;
            boolean offline = false;
            Path report = null;
            String source = null;
            Path file = null;
            for (int i = 0; i < arguments.size(); i++) {
                String argument = arguments.get(i);
                switch (argument) {
                    case "--mapping", "--type", "--report", "--source" -> {
                        if (i + 1 >= arguments.size()) {
                            throw new IllegalArgumentException(argument + " needs a value");
                        }
                        String value = arguments.get(++i);
                        if (argument.equals("--mapping")) {
                            mapping = value;
                        } else if (argument.equals("--source")) {
                            source = value;
                        } else if (argument.equals("--report")) {
                            report = Path.of(value);
                        } else {
                            type = EntityType.byKey(value)
                                    .orElseThrow(() -> new IllegalArgumentException("unknown --type " + value));
                        }
                    }
                    case "--dry-run" -> dryRun = true;
                    case "--offline" -> offline = true;
                    default -> {
                        if (argument.startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unexpected argument " + argument);
                        }
                        file = Path.of(argument);
                    }
                }
            }
            if (mapping == null || file == null) {
                throw new IllegalArgumentException(
                        mapping == null ? "--mapping is required" : "which file? give its path last");
            }
            return new Arguments(mapping, type, dryRun, report, source, file, offline);
        }
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Arguments parsed;
        try {
            parsed = Arguments.parse(arguments);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        if (parsed.offline()) {
            return recordFirstLoad(out, err);
        }
        String mapping = parsed.mapping();
        EntityType type = parsed.type();
        boolean dryRun = parsed.dryRun();
        Path report = parsed.report();
        String source = parsed.source();
        Path file = parsed.file();
        var bar = new ConsoleProgressBar(err, System.console() != null);
        long start = System.nanoTime();
        try {
            ImportJob job = imports.run(new ImportRequest(file, mapping, type, dryRun, report, source), bar);
            bar.done();
            summary(out, job, Duration.ofNanos(System.nanoTime() - start));
            return OK;
        } catch (InvalidMappingException e) {
            bar.done();
            return usage(err, e.getMessage());
        } catch (MalformedFileException e) {
            bar.done();
            err.println("error: " + file + ": " + e.getMessage());
            return FAILED;
        } catch (LeaseHeldException e) {
            bar.done();
            err.println("error: another import is running: " + e.getMessage()
                    + ". Imports run one at a time; try again when it is done.");
            return FAILED;
        } catch (ImportFailedException e) {
            bar.done();
            err.println("error: import " + e.jobId() + " of " + file + " failed: " + e.getMessage());
            err.println("Every batch before the failure is committed; fix the file and run the import again "
                    + "(re-running changes nothing that is already imported).");
            return FAILED;
        }
    }

    /** The second half of {@code --offline}: the store is written; the job is recorded now that the graph is up. */
    private int recordFirstLoad(PrintStream out, PrintStream err) {
        FirstLoadPreparation.Loaded loaded = firstLoad.getIfAvailable();
        if (loaded == null) {
            err.println("error: --offline runs only from the command line (java -jar api.jar import --offline ...)");
            return FAILED;
        }
        try {
            ImportJob job = imports.recordFirstLoad(loaded.load());
            summary(out, job, Duration.ofNanos(System.nanoTime() - loaded.startedNanos()));
            out.printf(
                    Locale.ROOT,
                    "  loaded     by Neo4j's bulk importer into a new database: %,d nodes, %,d relationships%n",
                    loaded.load().files().nodes(),
                    loaded.load().files().relationships());
            return OK;
        } catch (LeaseHeldException e) {
            err.println("error: another import is running: " + e.getMessage());
            return FAILED;
        }
    }

    private static void summary(PrintStream out, ImportJob job, Duration took) {
        ImportCounts c = job.counts();
        double seconds = took.toMillis() / 1000.0;
        out.printf(
                Locale.ROOT,
                "Import %s %s%s in %.1f s (%,.0f rows/s)%n",
                job.id(),
                job.status(),
                job.dryRun() ? " (dry run: nothing written)" : "",
                seconds,
                c.rowsRead() / Math.max(0.001, seconds));
        out.printf(Locale.ROOT, "  file       %s (mapping %s, %s)%n", job.file(), job.mapping(), job.type());
        out.printf(
                Locale.ROOT,
                "  rows       %,d read, %,d imported, %,d rejected, %,d exact duplicates dropped%n",
                c.rowsRead(),
                c.rowsImported(),
                c.rowsRejected(),
                c.duplicateRows());
        if (c.valuesDropped() > 0) {
            out.printf(Locale.ROOT, "  values     %,d invalid values left out of imported rows%n", c.valuesDropped());
        }
        if (c.customersCreated() + c.customersMatched() > 0) {
            out.printf(
                    Locale.ROOT,
                    "  customers  %,d new, %,d matched to existing customers%n",
                    c.customersCreated(),
                    c.customersMatched());
        }
        if (job.duplicatesMerged() + job.duplicatesQueued() > 0 || job.duplicatesMillis() > 0) {
            out.printf(
                    Locale.ROOT,
                    "  matching   %,d customers merged as likely duplicates, %,d pairs for review"
                            + " (duplicateCandidates); %.1f s%n",
                    job.duplicatesMerged(),
                    job.duplicatesQueued(),
                    job.duplicatesMillis() / 1000.0);
        }
        if (c.rowsRejected() + c.duplicateRows() + c.valuesDropped() > 0) {
            out.printf("  report     %s%n", job.reportFile());
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return BAD_ARGUMENTS;
    }
}
