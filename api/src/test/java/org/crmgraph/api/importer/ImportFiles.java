package org.crmgraph.api.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.crmgraph.graph.cypher.CypherRunner;

/** Files for import tests, and a fingerprint of the graph to prove that an import changed nothing. */
final class ImportFiles {

    static final Path FOLDER = Path.of("target/import-it").toAbsolutePath();

    private ImportFiles() {}

    static Path write(String name, String content, Instant modified) {
        try {
            Files.createDirectories(FOLDER);
            Path file = FOLDER.resolve(name);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, FileTime.from(modified));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A shared dataset (../shared/datasets, found from the working folder upwards). The datasets are not
     * copied into the repository; tests that need one are skipped where it is absent.
     */
    static Optional<Path> dataset(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/datasets").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The first {@code rows} data rows of a gzip CSV, gzip-compressed again, in the import folder. */
    static Path gzipSlice(Path source, int rows, String name) {
        try (var in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(source)), StandardCharsets.UTF_8))) {
            Files.createDirectories(FOLDER);
            Path target = FOLDER.resolve(name);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
                for (int i = 0; i <= rows; i++) {
                    String line = in.readLine();
                    if (line == null) {
                        break;
                    }
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every node and relationship with its properties, except import jobs: equal snapshots, equal graphs. */
    /** The business graph: not import jobs, migrations, or the audit trail that records the very calls compared. */
    static List<String> snapshot(CypherRunner cypher) {
        List<String> snapshot = new ArrayList<>();
        cypher.read("""
                MATCH (n) WHERE NOT n:ImportJob AND NOT n:__CrmMigration AND NOT n:AuditEvent
                RETURN labels(n)[0] + ':' + coalesce(n.id, n.sku, n.key, n.name) AS key, properties(n) AS props
                """, Map.of(), r -> r)
                .forEach(r -> snapshot.add(r.get("key").asString() + " "
                        + new TreeMap<>(r.get("props").asMap())));
        cypher.read("""
                MATCH (a)-[r]->(b) WHERE NOT a:ImportJob
                RETURN coalesce(a.id, a.sku, a.key, a.name) + '-' + type(r) + '->' + coalesce(b.id, b.sku, b.key, b.name) AS key,
                       properties(r) AS props
                """, Map.of(), r -> r)
                .forEach(r -> snapshot.add(r.get("key").asString() + " "
                        + new TreeMap<>(r.get("props").asMap())));
        Collections.sort(snapshot);
        return snapshot;
    }
}
