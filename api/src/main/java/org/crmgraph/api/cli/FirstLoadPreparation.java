package org.crmgraph.api.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.crmgraph.graph.data.DataFolderProperties;
import org.crmgraph.graph.embedded.BulkImporter;
import org.crmgraph.importer.FirstLoad;
import org.crmgraph.importer.ImportProperties;
import org.crmgraph.importer.mapping.ImportMapping;
import org.crmgraph.importer.mapping.InvalidMappingException;
import org.crmgraph.importer.mapping.MappingLoader;
import org.crmgraph.importer.read.MalformedFileException;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The part of {@code import --offline} that runs before the database starts: the file is read, cleaned and resolved
 * ({@link FirstLoad}) and Neo4j's bulk importer writes the new store ({@link BulkImporter}). The settings are bound
 * as the service binds them, by a context that holds nothing else. The import command then records the job in the
 * running database ({@code ImportService.recordFirstLoad}).
 */
final class FirstLoadPreparation {

    /** A store written by the bulk importer, and when the whole command started. */
    record Loaded(FirstLoad.Prepared load, long startedNanos) {}

    /** Thrown with the message and exit status the command ends with. */
    static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ImportProperties.class, DataFolderProperties.class})
    static class Settings {}

    private FirstLoadPreparation() {}

    static boolean requested(String command, List<String> arguments) {
        return command.equals("import") && arguments.contains("--offline");
    }

    static Loaded run(List<String> settings, List<String> arguments, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        if (settings.stream().anyMatch(s -> s.startsWith("--spring.neo4j.uri="))) {
            throw new Refused(
                    Command.BAD_ARGUMENTS,
                    "--offline writes the store of the embedded database, and --spring.neo4j.uri names an external one:"
                            + " load it with that server's neo4j-admin, or import without --offline");
        }
        ImportCommand.Arguments parsed = ImportCommand.Arguments.parse(arguments);
        if (parsed.dryRun()) {
            throw new Refused(
                    Command.BAD_ARGUMENTS,
                    "--offline and --dry-run together: a dry run writes nothing anyway;" + " leave out --offline");
        }
        ImportProperties imports;
        DataFolderProperties data;
        try (var context = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(Map.of("logging.level.root", "warn"))
                .run(settings.toArray(String[]::new))) {
            imports = context.getBean(ImportProperties.class);
            data = context.getBean(DataFolderProperties.class);
        }
        Path dataDir = data.dataDir().toAbsolutePath().normalize();
        if (BulkImporter.hasStore(dataDir)) {
            throw new Refused(
                    Command.BAD_ARGUMENTS,
                    "the data folder " + dataDir + " holds a database already, and --offline only loads a new one."
                            + " Import without --offline to add to it, or give a new --crm.data-dir");
        }
        ImportMapping loaded = MappingLoader.load(parsed.mapping());
        ImportMapping mapping = parsed.source() == null ? loaded : loaded.withSource(parsed.source());
        if (parsed.type() != null && parsed.type() != mapping.type()) {
            throw new InvalidMappingException("mapping " + mapping.name() + " imports "
                    + mapping.type().key() + ", not " + parsed.type().key());
        }
        Path work = null;
        try {
            work = Files.createTempDirectory(Files.createDirectories(dataDir), "first-load-");
            var bar = new ConsoleProgressBar(err, System.console() != null);
            FirstLoad.Prepared load = FirstLoad.prepare(
                    mapping,
                    parsed.file(),
                    work.resolve("csv"),
                    data.resolve("import-reports"),
                    parsed.report(),
                    imports.readLimits(),
                    bar);
            bar.done();
            err.printf(
                    "Read and resolved in %.1f s; Neo4j's importer writes %,d nodes and %,d relationships ...%n",
                    (System.nanoTime() - started) / 1e9,
                    load.files().nodes(),
                    load.files().relationships());
            try {
                BulkImporter.importInto(
                        dataDir,
                        load.files().arguments(),
                        work,
                        Runtime.getRuntime().availableProcessors(),
                        err);
            } catch (RuntimeException | IOException e) {
                // nothing was there before: a half-written store must not be opened as a database
                deleteQuietly(BulkImporter.storeFolder(dataDir));
                deleteQuietly(dataDir.resolve("data").resolve("transactions"));
                throw e;
            }
            return new Loaded(load, started);
        } catch (IOException e) {
            throw new Refused(Command.FAILED, "the first load failed: " + e.getMessage());
        } catch (MalformedFileException e) {
            throw new Refused(Command.FAILED, parsed.file() + ": " + e.getMessage());
        } catch (InvalidMappingException e) {
            throw e;
        } catch (RuntimeException e) {
            // the importer's own failure, or anything else before the store was opened: no database was written
            throw new Refused(Command.FAILED, "the first load failed, and nothing was written: " + e.getMessage());
        } finally {
            if (work != null) {
                deleteQuietly(work);
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // what is left is in the data folder the user will remove or reuse
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
