package org.crmgraph.graph.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

/**
 * Neo4j's own offline bulk importer ({@code neo4j-admin database import full}), run in this JVM, writing the default
 * database of a data folder that has none yet: the store the embedded DBMS then opens. It builds the store files
 * directly, without transactions, which is why it reaches a scale the online import's transactions do not; and why it
 * only ever writes a new database.
 */
public final class BulkImporter {

    private BulkImporter() {}

    /** The default database's store folder in a data folder laid out as {@link EmbeddedNeo4j} lays it out. */
    public static Path storeFolder(Path dataDir) {
        return dataDir.toAbsolutePath()
                .normalize()
                .resolve("data")
                .resolve("databases")
                .resolve(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    /** Whether the data folder holds a default database already (of any size: even an empty graph has a schema). */
    public static boolean hasStore(Path dataDir) {
        Path store = storeFolder(dataDir);
        if (!Files.isDirectory(store)) {
            return false;
        }
        try (Stream<Path> files = Files.list(store)) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Imports the files into a new default database of {@code dataDir}.
     *
     * @param files   {@code --nodes=Label=file} and {@code --relationships=TYPE=file} arguments
     * @param work    a folder for the importer's configuration and report
     * @param out     where the importer's progress goes
     * @throws IllegalStateException when the folder has a database already, or the importer fails (with its report)
     */
    public static void importInto(Path dataDir, List<String> files, Path work, int threads, PrintStream out)
            throws IOException {
        Path home = dataDir.toAbsolutePath().normalize();
        if (hasStore(home)) {
            throw new IllegalStateException("the data folder " + home + " holds a database already; the bulk importer"
                    + " only writes a new one");
        }
        Path conf = Files.createDirectories(work.resolve("conf"));
        Path report = work.resolve("import.report");
        List<String> arguments = new ArrayList<>(List.of("database", "import", "full"));
        arguments.addAll(files);
        arguments.addAll(List.of(
                "--threads=" + threads,
                // a product description or a name may hold a line break
                "--multiline-fields=true",
                "--report-file=" + report,
                GraphDatabaseSettings.DEFAULT_DATABASE_NAME));
        int status;
        try (var fs = new DefaultFileSystemAbstraction()) {
            status =
                    AdminTool.execute(new ExecutionContext(home, conf, out, out, fs), arguments.toArray(String[]::new));
        }
        if (status != 0) {
            String details = Files.isRegularFile(report) ? Files.readString(report) : "";
            throw new IllegalStateException("Neo4j's importer exited with status " + status
                    + (details.isBlank() ? "" : ": " + details.strip()));
        }
    }
}
