package org.crmgraph.benchmarks;

import java.nio.file.Path;
import java.util.Map;
import org.crmgraph.importer.read.CsvReader;
import org.crmgraph.importer.read.CsvRow;
import org.crmgraph.importer.read.SourceFiles;

/**
 * How fast the import's CSV reader streams an export, and that its memory stays flat: reads the
 * whole file several times and prints rows, rows/s and heap in use.
 *
 * <pre>./mvnw -pl benchmarks exec:java -Dexec.mainClass=org.crmgraph.benchmarks.CsvReadBenchmark \
 *     -Dexec.args="--file ../shared/datasets/online-retail/online_retail.csv.gz"</pre>
 */
public final class CsvReadBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ApiLatencyBenchmark.options(args);
        Path file = Path.of(options.getOrDefault("file", "../shared/datasets/online-retail/online_retail.csv.gz"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        System.out.printf("| run | rows | seconds | rows/s | heap in use MiB |%n|---|---|---|---|---|%n");
        for (int run = 1; run <= runs; run++) {
            long started = System.nanoTime();
            long rows = 0;
            try (var reader = new CsvReader(SourceFiles.open(file), ',')) {
                for (CsvRow row = reader.next(); row != null; row = reader.next()) {
                    rows++;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Runtime runtime = Runtime.getRuntime();
            System.out.printf(
                    "| %d | %,d | %.2f | %,.0f | %d |%n",
                    run, rows, seconds, rows / seconds, (runtime.totalMemory() - runtime.freeMemory()) >> 20);
        }
    }

    private CsvReadBenchmark() {}
}
