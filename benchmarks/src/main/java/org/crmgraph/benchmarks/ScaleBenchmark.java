package org.crmgraph.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * How the costs grow with the data: the real Online Retail file (1x) and a {@link SyntheticHistory} ten times its size
 * (10x: 5.4 million lines, 43,700 customers), each through the same steps a new user takes, into a data folder of its
 * own:
 * <ol>
 *   <li>{@code import --mapping online-retail} (process wall time, import time and rate, peak resident memory), and
 *       the same as a first load with {@code --offline};</li>
 *   <li>{@code analytics} (the whole refresh: per-step times, wall time, peak resident memory);</li>
 *   <li>the service on the folder: p50/p90 of three front-end queries one at a time after a warm-up (customer by id
 *       with orders, lines and products; a page of 50 customers of a country with their orders; recommendations),
 *       and the service's resident memory after them;</li>
 *   <li>the store's size on disk.</li>
 * </ol>
 * Prints one table with a column per scale and the growth from the first scale to the last.
 *
 * <pre>./mvnw -pl benchmarks exec:java -Dexec.mainClass=org.crmgraph.benchmarks.ScaleBenchmark \
 *     -Dexec.args="--factors 1,10 --work /tmp/scale"</pre>
 *
 * With {@code --offline true} (the default) each file is also loaded by {@code import --offline} (Neo4j's bulk
 * importer) into a folder of its own, for the import's process time and memory side by side.
 *
 * {@code --work} keeps the generated files and data folders (default: a new temporary folder); a factor whose folder
 * already holds a refreshed store is measured again without re-importing when {@code --reuse true}.
 */
public final class ScaleBenchmark {

    private static final String BY_ID = """
            query($id: ID!) { customer(id: $id) { id name email country
              orders { id total lines { quantity unitPrice product { sku name } } } } }""";
    private static final String PAGE = """
            query($country: String) { customers(first: 50, filter: {country: $country}, orderBy: {field: NAME}) {
              edges { node { id name email country orders { id total } } } } }""";
    private static final String RECOMMENDATIONS = """
            query($id: ID!) { recommendations(customerId: $id, first: 10) { product { sku name } score explanation } }""";

    /** A step line of the analytics command ({@code   similarity   27.0 s  ...}) and its closing line. */
    private static final java.util.regex.Pattern STEP = java.util.regex.Pattern.compile("^  (\\w+)\\s+([\\d.]+) s ");

    private static final java.util.regex.Pattern TOTAL = java.util.regex.Pattern.compile("done in ([\\d.]+) s");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ApiLatencyBenchmark.options(args);
        Path original = Path.of(options.getOrDefault("file", "../shared/datasets/online-retail/online_retail.csv.gz"))
                .toAbsolutePath();
        Path jar = Path.of(options.getOrDefault("jar", "api/target/api-0.1.0-SNAPSHOT.jar"))
                .toAbsolutePath();
        Path work = options.containsKey("work")
                ? Files.createDirectories(Path.of(options.get("work")).toAbsolutePath())
                : Files.createTempDirectory("crm-scale");
        String heap = options.getOrDefault("heap", "3g");
        int requests = Integer.parseInt(options.getOrDefault("requests", "1000"));
        boolean reuse = Boolean.parseBoolean(options.getOrDefault("reuse", "false"));
        boolean offline = Boolean.parseBoolean(options.getOrDefault("offline", "true"));
        List<Integer> factors = Stream.of(
                        options.getOrDefault("factors", "1,10").split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();

        Map<Integer, Map<String, String>> results = new LinkedHashMap<>();
        for (int factor : factors) {
            Map<String, String> figures = new LinkedHashMap<>();
            results.put(factor, figures);
            Path dataDir = work.resolve("x" + factor);
            boolean measured = reuse && Files.isDirectory(dataDir.resolve("data"));
            if (!measured) {
                Path file = original;
                if (factor > 1) {
                    file = work.resolve("online-retail-x" + factor + ".csv.gz");
                    long started = System.nanoTime();
                    long rows = SyntheticHistory.write(original, factor, file);
                    System.out.printf("x%d: wrote %,d rows to %s in %.0f s%n", factor, rows, file, seconds(started));
                }
                Files.createDirectories(dataDir);
                System.out.printf("x%d: importing %s ...%n", factor, file.getFileName());
                var imported = ImportBenchmark.run("import x" + factor, jar, heap, dataDir, file, List.of());
                System.out.println(imported.summary());
                figures.put("import: process wall s", format(imported.wallSeconds()));
                figures.put("import: import s", format(imported.importSeconds()));
                figures.put("import: rows/s", imported.rowsPerSecond());
                figures.put("import: peak RSS MiB", Long.toString(imported.peakRssMiB()));
                figures.put(
                        "import: cores busy (of " + Runtime.getRuntime().availableProcessors() + ")",
                        String.format("%.2f", imported.coresBusy()));
                if (offline) {
                    // the same file as a first load through Neo4j's bulk importer, into a folder of its own
                    Path firstLoad = Files.createDirectories(work.resolve("x" + factor + "-offline"));
                    var loaded = ImportBenchmark.run(
                            "first load x" + factor, jar, heap, firstLoad, file, List.of("--offline"));
                    figures.put("import --offline: process wall s", format(loaded.wallSeconds()));
                    figures.put("import --offline: peak RSS MiB", Long.toString(loaded.peakRssMiB()));
                    figures.put(
                            "import --offline: cores busy (of "
                                    + Runtime.getRuntime().availableProcessors() + ")",
                            String.format("%.2f", loaded.coresBusy()));
                }
                System.out.printf("x%d: analytics refresh ...%n", factor);
                refresh(jar, heap, dataDir, figures);
            }
            figures.put("store on disk MiB", Long.toString(sizeBytes(dataDir.resolve("data")) >> 20));
            System.out.printf("x%d: queries ...%n", factor);
            query(jar, heap, dataDir, requests, figures);
            figures.forEach((k, v) -> System.out.printf("  %s: %s%n", k, v));
        }

        System.out.printf("%nHeap limit -Xmx%s for every process; work folder %s%n%n", heap, work);
        StringBuilder header = new StringBuilder("| measure |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int factor : factors) {
            header.append(" ").append(factor).append("x |");
            rule.append("---|");
        }
        boolean growth = factors.size() > 1;
        if (growth) {
            header.append(" growth |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        List<String> measures = new ArrayList<>();
        results.values()
                .forEach(f ->
                        f.keySet().stream().filter(k -> !measures.contains(k)).forEach(measures::add));
        for (String measure : measures) {
            StringBuilder line = new StringBuilder("| " + measure + " |");
            for (int factor : factors) {
                line.append(" ")
                        .append(results.get(factor).getOrDefault(measure, ""))
                        .append(" |");
            }
            if (growth) {
                line.append(" ")
                        .append(ratio(
                                results.get(factors.get(0)).get(measure),
                                results.get(factors.get(factors.size() - 1)).get(measure)))
                        .append(" |");
            }
            System.out.println(line);
        }
    }

    /** The {@code analytics} command as a process: its per-step lines, its own total, wall time and peak memory. */
    private static void refresh(Path jar, String heap, Path dataDir, Map<String, String> figures)
            throws IOException, InterruptedException {
        CommandProcess process =
                CommandProcess.run(jar, heap, List.of("analytics", "--crm.data-dir=" + dataDir), line -> {
                    if (line.startsWith("  ") || line.startsWith("Analytics refresh")) {
                        System.out.println(line);
                    }
                });
        List<String> output = process.output();
        if (process.status() != 0) {
            throw new IllegalStateException(
                    "analytics exited with " + process.status() + ":\n" + String.join("\n", output));
        }
        for (String line : output) {
            var step = STEP.matcher(line);
            if (step.find()) {
                figures.put("refresh: " + step.group(1) + " s", step.group(2));
            }
            var total = TOTAL.matcher(line);
            if (line.startsWith("Analytics refresh") && total.find()) {
                figures.put("refresh: whole s", total.group(1));
            }
        }
        figures.put("refresh: process wall s", format(process.wallSeconds()));
        figures.put(
                "refresh: cores busy (of " + Runtime.getRuntime().availableProcessors() + ")",
                String.format("%.2f", process.coresBusy()));
        figures.put("refresh: peak RSS MiB", Long.toString(process.peakRssMiB()));
    }

    private static void query(Path jar, String heap, Path dataDir, int requests, Map<String, String> figures)
            throws Exception {
        long started = System.nanoTime();
        List<String> serviceArguments = List.of("--crm.support.embed-in-background=false");
        try (var service = ServiceProcess.onData(jar, heap, dataDir, serviceArguments)) {
            figures.put("service: ready s", format(seconds(started)));
            List<String> buyers;
            List<String> countries;
            try (Driver driver = GraphDatabase.driver(service.boltUri(), service.boltAuth())) {
                buyers = driver
                        .executableQuery("MATCH (c:Customer) WHERE EXISTS { (c)-[:PLACED]->() } RETURN c.id AS id")
                        .execute()
                        .records()
                        .stream()
                        .map(r -> r.get("id").asString())
                        .toList();
                countries = PeerComparisonBenchmark.largestCountries(driver);
                figures.put(
                        "graph: customers",
                        driver.executableQuery("MATCH (c:Customer) RETURN count(c) AS n")
                                .execute()
                                .records()
                                .getFirst()
                                .get("n")
                                .toString());
                figures.put(
                        "graph: order lines",
                        driver.executableQuery("MATCH ()-[l:CONTAINS]->() RETURN count(l) AS n")
                                .execute()
                                .records()
                                .getFirst()
                                .get("n")
                                .toString());
            }
            var http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Map<String, IntFunction<String>> queries = new LinkedHashMap<>();
            SplittableRandom random = new SplittableRandom(5);
            queries.put(
                    "customer by id with orders, lines, products",
                    i -> ApiLatencyBenchmark.body(BY_ID, "id", buyers.get(random.nextInt(buyers.size()))));
            queries.put(
                    "page of 50 customers with orders",
                    i -> ApiLatencyBenchmark.body(PAGE, "country", countries.get(i % countries.size())));
            queries.put(
                    "recommendations",
                    i -> ApiLatencyBenchmark.body(RECOMMENDATIONS, "id", buyers.get(random.nextInt(buyers.size()))));
            for (var query : queries.entrySet()) {
                ApiLatencyBenchmark.run(
                        http, service.graphQlUrl(), service.adminKey, query.getValue(), requests, 1, null);
            }
            for (var query : queries.entrySet()) {
                Latencies latencies = new Latencies(requests);
                ApiLatencyBenchmark.run(
                        http, service.graphQlUrl(), service.adminKey, query.getValue(), requests, 1, latencies);
                figures.put("p50 ms: " + query.getKey(), format2(latencies.percentileMillis(50)));
                figures.put("p90 ms: " + query.getKey(), format2(latencies.percentileMillis(90)));
            }
            figures.put("service: RSS after queries MiB", Long.toString(service.residentMemoryBytes() >> 20));
        }
    }

    private static long sizeBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        }
    }

    private static String ratio(String first, String last) {
        try {
            double a = Double.parseDouble(first.replace(",", ""));
            double b = Double.parseDouble(last.replace(",", ""));
            return a == 0 ? "" : String.format("%.1fx", b / a);
        } catch (RuntimeException notANumber) {
            return "";
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String format(double value) {
        return String.format("%.1f", value);
    }

    private static String format2(double value) {
        return String.format("%.2f", value);
    }

    private ScaleBenchmark() {}
}
