package org.crmgraph.benchmarks;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.neo4j.driver.GraphDatabase;

/**
 * The analytics refresh and recommendation latency on an imported graph (e.g. the data folder the import
 * benchmark or the import command filled with the whole Online Retail file).
 * <ol>
 *   <li>runs {@code java -jar api.jar analytics} on the folder {@code --refreshes} times (the first may write
 *       everything, later ones only what changed) and prints the command's per-step timings and its wall time;</li>
 *   <li>starts the service on the folder and asks {@code recommendations(customerId, first: 10)} for random
 *       customers (buyers and, one in ten, customers without purchases), one request at a time after
 *       {@code --warmup} requests (default 500):
 *       latency percentiles measured at the client, over HTTP, including GraphQL.</li>
 * </ol>
 *
 * <pre>./mvnw -pl benchmarks exec:java -Dexec.mainClass=org.crmgraph.benchmarks.AnalyticsBenchmark \
 *     -Dexec.args="--data-dir /tmp/retail-graph --refreshes 2 --requests 2000"</pre>
 */
public final class AnalyticsBenchmark {

    private static final String RECOMMENDATIONS = """
            query($id: ID!) { recommendations(customerId: $id, first: 10) { product { sku name } score explanation } }""";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ApiLatencyBenchmark.options(args);
        Path jar = Path.of(options.getOrDefault("jar", "api/target/api-0.1.0-SNAPSHOT.jar"))
                .toAbsolutePath();
        Path dataDir = Path.of(options.getOrDefault("data-dir", "crm-data")).toAbsolutePath();
        int refreshes = Integer.parseInt(options.getOrDefault("refreshes", "2"));
        int requests = Integer.parseInt(options.getOrDefault("requests", "2000"));
        String heap = options.getOrDefault("heap", "2g");
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "500"));

        for (int run = 1; run <= refreshes; run++) {
            System.out.printf(
                    "%nRefresh %d: java -Xmx%s -jar %s analytics --crm.data-dir=%s%n",
                    run, heap, jar.getFileName(), dataDir);
            CommandProcess process =
                    CommandProcess.run(jar, heap, List.of("analytics", "--crm.data-dir=" + dataDir), line -> {
                        if (!line.contains(" WARN ")) {
                            System.out.println(line);
                        }
                    });
            System.out.printf("exit %d, process wall time %.1f s%n", process.status(), process.wallSeconds());
            if (process.status() != 0) {
                return;
            }
        }

        // e.g. --service "--crm.embedded.in-process-reads=false" to measure what a setting costs
        List<String> serviceArguments =
                options.containsKey("service") ? List.of(options.get("service").split(" ")) : List.of();
        try (var service = ServiceProcess.onData(jar, heap, dataDir, serviceArguments)) {
            List<String> buyers = new ArrayList<>(), nonBuyers = new ArrayList<>();
            try (var driver = GraphDatabase.driver(service.boltUri(), service.boltAuth());
                    var session = driver.session()) {
                session.run("MATCH (c:Customer) RETURN c.id AS id, EXISTS { (c)-[:PLACED]->() } AS buyer")
                        .forEachRemaining(r -> (r.get("buyer").asBoolean() ? buyers : nonBuyers)
                                .add(r.get("id").asString()));
            }
            List<String> others = nonBuyers.isEmpty() ? buyers : nonBuyers;
            SplittableRandom random = new SplittableRandom(7);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < requests + warmup; i++) {
                List<String> from = i % 10 == 9 ? others : buyers;
                ids.add(from.get(random.nextInt(from.size())));
            }
            HttpClient http = HttpClient.newHttpClient();
            ApiLatencyBenchmark.run(
                    http,
                    service.graphQlUrl(),
                    service.adminKey,
                    i -> ApiLatencyBenchmark.body(RECOMMENDATIONS, "id", ids.get(i)),
                    warmup,
                    1,
                    null);
            Latencies latencies = new Latencies(requests);
            ApiLatencyBenchmark.run(
                    http,
                    service.graphQlUrl(),
                    service.adminKey,
                    i -> ApiLatencyBenchmark.body(RECOMMENDATIONS, "id", ids.get(warmup + i)),
                    requests,
                    1,
                    latencies);
            System.out.printf(
                    "%nrecommendations(first: 10), %d requests one at a time over HTTP, %d buyers and %d others:%n",
                    latencies.count(), buyers.size(), nonBuyers.size());
            System.out.printf(
                    "| p50 | p90 | p99 | max |%n|---|---|---|---|%n| %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n",
                    latencies.percentileMillis(50),
                    latencies.percentileMillis(90),
                    latencies.percentileMillis(99),
                    latencies.percentileMillis(100));
        }
    }

    private AnalyticsBenchmark() {}
}
