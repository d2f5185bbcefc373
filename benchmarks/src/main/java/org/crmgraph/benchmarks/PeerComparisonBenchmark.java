package org.crmgraph.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The service against the GraphQL peer Neo4j users pick ({@code @neo4j/graphql} on Apollo Server, from
 * {@code ../shared/bench/peer-neo4j-graphql}), side by side on the same embedded Neo4j and the same graph: the peer
 * connects over the service's Bolt port. Both answer the same questions with the same data; rounds alternate between
 * them so drift on a noisy machine hits both alike. Per round and query: p50 with one client, requests per second with
 * several.
 *
 * <pre>./mvnw -pl benchmarks exec:java -Dexec.mainClass=org.crmgraph.benchmarks.PeerComparisonBenchmark \
 *     -Dexec.args="--data-dir /tmp/or-store --peer /tmp/peer"</pre>
 *
 * {@code --data-dir} holds an imported Online Retail graph (the import command's {@code --crm.data-dir}); without it
 * the file is imported into a new folder first. {@code --peer} is a copy of the harness with {@code npm install} run
 * in it.
 */
public final class PeerComparisonBenchmark {

    private static final String OURS_BY_ID = """
            query($id: ID!) { customer(id: $id) { id name email country
              orders { id total lines { quantity unitPrice product { sku name } } } } }""";
    private static final String PEER_BY_ID = """
            query($id: ID!) { customers(where: {id: {eq: $id}}) { id name email country
              orders { id total productsConnection { edges { properties { quantity unitPrice } node { sku name } } } } } }""";
    private static final String OURS_PAGE = """
            query($country: String) { customers(first: 50, filter: {country: $country}, orderBy: {field: NAME}) {
              edges { node { id name email country orders { id total } } } } }""";
    private static final String PEER_PAGE = """
            query($country: String) { customers(where: {country: {eq: $country}}, limit: 50, sort: [{name: ASC}]) {
              id name email country orders { id total } } }""";

    /** One side of the comparison: where it listens and how it is asked. */
    record Side(String name, String url, String key, String byId, String page) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ApiLatencyBenchmark.options(args);
        Path jar = Path.of(options.getOrDefault("jar", "api/target/api-0.1.0-SNAPSHOT.jar"))
                .toAbsolutePath();
        Path peer = Path.of(options.getOrDefault("peer", "/tmp/peer")).toAbsolutePath();
        int requests = Integer.parseInt(options.getOrDefault("requests", "2000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "4"));
        String heap = options.getOrDefault("heap", "2g");
        if (!Files.isDirectory(peer.resolve("node_modules"))) {
            throw new IllegalArgumentException("No installed peer at " + peer
                    + "; copy ../shared/bench/peer-neo4j-graphql there and run npm install in it");
        }
        Path dataDir = options.containsKey("data-dir") ? Path.of(options.get("data-dir")) : importOnlineRetail(jar);

        List<String> serviceArguments = new ArrayList<>(List.of("--crm.support.embed-in-background=false"));
        if (options.containsKey("service")) {
            serviceArguments.addAll(List.of(options.get("service").split(" ")));
        }
        try (var service = ServiceProcess.onData(jar, heap, dataDir, serviceArguments)) {
            List<String> ids;
            List<String> countries;
            try (Driver driver = GraphDatabase.driver(service.boltUri(), service.boltAuth())) {
                // both sides return the same data only below the service's nested-list cap of 100
                ids = driver.executableQuery("""
                                MATCH (c:Customer)
                                WHERE 0 < COUNT { (c)-[:PLACED]->() } < 100
                                  AND NOT EXISTS { (c)-[:PLACED]->(o) WHERE COUNT { (o)-[:CONTAINS]->() } > 100 }
                                RETURN c.id AS id ORDER BY id""").execute().records().stream()
                        .map(r -> r.get("id").asString())
                        .toList();
                countries = largestCountries(driver);
            }
            try (var peerProcess = PeerProcess.start(peer, service)) {
                var http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                List<Side> sides = List.of(
                        new Side("crm-graph", service.graphQlUrl(), service.adminKey, OURS_BY_ID, OURS_PAGE),
                        new Side("@neo4j/graphql", peerProcess.url(), "none", PEER_BY_ID, PEER_PAGE));
                checkSameAnswers(http, sides.get(0), sides.get(1), ids);
                // --sides crm-graph: measure one side only (e.g. to profile it)
                if (options.containsKey("sides")) {
                    sides = sides.stream()
                            .filter(side -> options.get("sides").contains(side.name()))
                            .toList();
                }
                System.out.printf(
                        "%,d customers with 1-99 orders of at most 100 lines; pages over the %d largest countries%n",
                        ids.size(), countries.size());
                System.out.printf("Warming up: %,d requests of each query on each side ...%n", requests);
                for (Side side : sides) {
                    ApiLatencyBenchmark.run(
                            http, side.url(), side.key(), byId(side, ids, new SplittableRandom(1)), requests, 1, null);
                    ApiLatencyBenchmark.run(
                            http, side.url(), side.key(), page(side, countries), requests, clients, null);
                }
                System.out.printf("%n| round | query | side | p50 ms | p90 ms | req/s (%d clients) |%n", clients);
                System.out.println("|---|---|---|---|---|---|");
                for (int round = 1; round <= rounds; round++) {
                    for (String query : List.of(
                            "customer by id with orders, lines, products", "page of 50 customers with orders")) {
                        for (Side side : sides) {
                            IntFunction<String> bodies = query.startsWith("customer")
                                    ? byId(side, ids, new SplittableRandom(round))
                                    : page(side, countries);
                            Latencies latencies = new Latencies(requests);
                            ApiLatencyBenchmark.run(http, side.url(), side.key(), bodies, requests, 1, latencies);
                            long t0 = System.nanoTime();
                            ApiLatencyBenchmark.run(http, side.url(), side.key(), bodies, requests, clients, null);
                            double throughput = requests / ((System.nanoTime() - t0) / 1e9);
                            System.out.printf(
                                    "| %d | %s | %s | %.2f | %.2f | %.0f |%n",
                                    round,
                                    query,
                                    side.name(),
                                    latencies.percentileMillis(50),
                                    latencies.percentileMillis(90),
                                    throughput);
                        }
                    }
                }
                System.out.printf(
                        "%nService resident memory after the run: %d MiB%n", service.residentMemoryBytes() >> 20);
            }
        }
    }

    /** The ten countries with the most customers: what the customer-page queries filter by. */
    static List<String> largestCountries(Driver driver) {
        return driver.executableQuery("""
                        MATCH (c:Customer) WHERE c.country IS NOT NULL
                        RETURN c.country AS country, count(*) AS n ORDER BY n DESC LIMIT 10""").execute().records().stream()
                .map(r -> r.get("country").asString())
                .toList();
    }

    private static IntFunction<String> byId(Side side, List<String> ids, SplittableRandom random) {
        return i -> ApiLatencyBenchmark.body(
                side.byId(), "id", ids.get(random.split().nextInt(ids.size())));
    }

    private static IntFunction<String> page(Side side, List<String> countries) {
        return i -> ApiLatencyBenchmark.body(side.page(), "country", countries.get(i % countries.size()));
    }

    /** A comparison of different answers is no comparison: a sample of customers must give as many lines on each side. */
    private static void checkSameAnswers(HttpClient http, Side side, Side peer, List<String> ids) throws Exception {
        var random = new SplittableRandom(99);
        for (int i = 0; i < 20; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            String ours = post(http, side, side.byId(), id);
            String theirs = post(http, peer, peer.byId(), id);
            long ourLines = count(ours, "\"quantity\"");
            long theirLines = count(theirs, "\"quantity\"");
            if (ourLines != theirLines || count(ours, "\"total\"") != count(theirs, "\"total\"")) {
                throw new IllegalStateException("Customer " + id + ": " + side.name() + " answered " + ourLines
                        + " lines, " + peer.name() + " " + theirLines);
            }
        }
    }

    private static String post(HttpClient http, Side side, String query, String id) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(side.url()))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + side.key())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(ApiLatencyBenchmark.body(query, "id", id)))
                .build();
        return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static long count(String text, String needle) {
        long n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    private static Path importOnlineRetail(Path jar) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("crm-peer-bench");
        Path file =
                Path.of("../shared/datasets/online-retail/online_retail.csv.gz").toAbsolutePath();
        System.out.printf("Importing %s into %s ...%n", file, dataDir);
        ImportBenchmark.run("import", jar, "1g", dataDir, file, List.of());
        return dataDir;
    }

    /** The peer's Node.js process, over the service's Bolt port with its credentials. */
    private record PeerProcess(Process process, int port) implements AutoCloseable {

        static PeerProcess start(Path peer, ServiceProcess service) throws Exception {
            int port = ServiceProcess.freePort();
            var builder = new ProcessBuilder("node", peer.resolve("server.js").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(service.dataDir.resolve("peer.log").toFile());
            builder.environment().put("NEO4J_URI", service.boltUri());
            builder.environment().put("NEO4J_USER", "neo4j");
            builder.environment()
                    .put(
                            "NEO4J_PASSWORD",
                            Files.readString(service.dataDir.resolve("neo4j-password"))
                                    .strip());
            builder.environment().put("PORT", Integer.toString(port));
            var started = new PeerProcess(builder.start(), port);
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!Files.readString(service.dataDir.resolve("peer.log")).contains("peer ready")) {
                if (!started.process.isAlive() || System.nanoTime() > deadline) {
                    started.close();
                    throw new IllegalStateException(
                            "The peer did not start: " + Files.readString(service.dataDir.resolve("peer.log")));
                }
                Thread.sleep(200);
            }
            return started;
        }

        String url() {
            return "http://127.0.0.1:" + port + "/";
        }

        @Override
        public void close() {
            process.destroy();
        }
    }

    private PeerComparisonBenchmark() {}
}
