package org.crmgraph.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole Online Retail file through the import command, end to end, as a data steward runs it:
 * {@code java -Xmx1g -jar api.jar import --mapping online-retail <file>} into a fresh embedded data
 * folder, then the same file again (idempotent re-run), then a dry run (read, clean, de-duplicate only).
 * Prints the process's wall time (JVM, Neo4j start and shut-down included), the import's own time and
 * rate from its summary, and the process's peak resident memory.
 *
 * <pre>./mvnw -DskipTests install &amp;&amp; ./mvnw -pl benchmarks exec:java \
 *     -Dexec.mainClass=org.crmgraph.benchmarks.ImportBenchmark \
 *     -Dexec.args="--file ../shared/datasets/online-retail/online_retail.csv.gz --heap 1g"</pre>
 */
public final class ImportBenchmark {

    private static final Pattern SUMMARY =
            Pattern.compile("Import \\S+ (\\w+).* in ([\\d.]+) s \\(([\\d,]+) rows/s\\)");

    record Run(
            String name,
            double wallSeconds,
            String status,
            double importSeconds,
            String rowsPerSecond,
            long peakRssMiB,
            double cpuSeconds,
            String summary) {

        /** CPU time over wall time: how many of the machine's cores the process kept busy on average. */
        double coresBusy() {
            return cpuSeconds / wallSeconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ApiLatencyBenchmark.options(args);
        Path file = Path.of(options.getOrDefault("file", "../shared/datasets/online-retail/online_retail.csv.gz"))
                .toAbsolutePath();
        Path jar = Path.of(options.getOrDefault("jar", "api/target/api-0.1.0-SNAPSHOT.jar"))
                .toAbsolutePath();
        String heap = options.getOrDefault("heap", "1g");
        Path dataDir = Files.createTempDirectory("crm-import-bench");
        List<Run> runs = new ArrayList<>();
        runs.add(run("first import (empty graph)", jar, heap, dataDir, file, List.of()));
        runs.add(run("same file again (idempotent)", jar, heap, dataDir, file, List.of()));
        runs.add(run("dry run (no writes)", jar, heap, dataDir, file, List.of("--dry-run")));

        System.out.printf(
                "%nOnline Retail (%s, %,d bytes), heap limit -Xmx%s, data folder %s%n%n",
                file.getFileName(), Files.size(file), heap, dataDir);
        System.out.println("| run | process wall s | import s | rows/s | peak RSS MiB | cores busy | status |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Run r : runs) {
            System.out.printf(
                    "| %s | %.1f | %.1f | %s | %d | %.2f | %s |%n",
                    r.name(),
                    r.wallSeconds(),
                    r.importSeconds(),
                    r.rowsPerSecond(),
                    r.peakRssMiB(),
                    r.coresBusy(),
                    r.status());
        }
        System.out.println();
        runs.forEach(r -> System.out.println(r.name() + ":\n" + r.summary()));
    }

    static Run run(String name, Path jar, String heap, Path dataDir, Path file, List<String> extra)
            throws IOException, InterruptedException {
        List<String> arguments =
                new ArrayList<>(List.of("import", "--mapping", "online-retail", "--crm.data-dir=" + dataDir));
        arguments.addAll(extra);
        arguments.add(file.toString());
        CommandProcess process = CommandProcess.run(jar, heap, arguments, line -> {});
        List<String> summary = process.output().stream()
                .filter(line -> line.startsWith("Import ") || line.startsWith("  "))
                .toList();
        Matcher m = SUMMARY.matcher(String.join("\n", summary));
        if (process.status() != 0 || !m.find()) {
            throw new IllegalStateException(name + ": the import exited with " + process.status() + ":\n"
                    + String.join("\n", process.output()));
        }
        return new Run(
                name,
                process.wallSeconds(),
                m.group(1),
                Double.parseDouble(m.group(2)),
                m.group(3),
                process.peakRssMiB(),
                process.cpuSeconds(),
                String.join("\n", summary));
    }

    private ImportBenchmark() {}
}
