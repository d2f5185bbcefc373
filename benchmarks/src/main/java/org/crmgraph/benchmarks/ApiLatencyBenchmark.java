package org.crmgraph.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * GraphQL latency and throughput of the service on a graph of N customers and M orders.
 *
 * <p>Starts the service jar as its own process (embedded Neo4j, random loopback ports), loads
 * the graph over Bolt in batches, warms up, then measures three front-end queries one at a time
 * (latency percentiles) and with concurrent clients (throughput). Prints a Markdown table.
 *
 * <pre>./mvnw -pl benchmarks exec:java -Dexec.args="--customers 10000 --orders 100000"</pre>
 */
public final class ApiLatencyBenchmark {

    private static final String BY_ID_FIELDS = """
            query($id: ID!) { customer(id: $id) { id name email country createdAt } }""";
    private static final String BY_ID = """
            query($id: ID!) { customer(id: $id) { id name email country
              orders { id placedAt total lines { quantity unitPrice product { sku name category } } } } }""";
    private static final String CUSTOMER_PAGE = """
            query($country: String) { customers(first: 50, filter: {country: $country}, orderBy: {field: NAME}) {
              totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name email country createdAt } } } }""";
    private static final String CUSTOMER_PAGE_WHERE = """
            query($country: String) { customers(first: 50, where: {country: {eq: $country}}, orderBy: {field: NAME}) {
              totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name email country createdAt } } } }""";
    private static final String REVENUE_BY_COUNTRY_AND_MONTH = """
            query($status: OrderStatus) { orders(where: {status: {eq: $status}}) {
              aggregate(groupBy: [COUNTRY], period: MONTH) { key { country period currencyCode } count total { sum { amount } } } } }""";
    private static final String TICKET_PAGE = """
            query($status: TicketStatus) { tickets(first: 50, filter: {status: $status}, orderBy: {field: CREATED_AT, direction: DESC}) {
              totalCount edges { node { id subject priority status createdAt customer { id name } product { sku } } } } }""";
    private static final String[] COUNTRIES = {"GB", "DE", "FR", "NL", "ES", "IT", "SE", "PL", "IE", "US"};
    private static final String[] STATUSES = {"OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED"};

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path jar = Path.of(options.getOrDefault("jar", "api/target/api-0.1.0-SNAPSHOT.jar"))
                .toAbsolutePath();
        int customers = Integer.parseInt(options.getOrDefault("customers", "10000"));
        int orders = Integer.parseInt(options.getOrDefault("orders", "100000"));
        int tickets = Integer.parseInt(options.getOrDefault("tickets", "20000"));
        int requests = Integer.parseInt(options.getOrDefault("requests", "2000"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "4"));
        String heap = options.getOrDefault("heap", "2g");
        // e.g. --service "--crm.security.enabled=false" to measure what a setting costs
        List<String> serviceArguments = new java.util.ArrayList<>(List.of("--crm.support.embed-in-background=false"));
        if (options.containsKey("service")) {
            serviceArguments.addAll(List.of(options.get("service").split(" ")));
        }

        System.out.printf("Starting %s (heap %s) ...%n", jar.getFileName(), heap);
        long started = System.nanoTime();
        // steady state: without this the service embeds the 20,000 loaded tickets in the background while we measure
        try (var service = ServiceProcess.start(jar, heap, serviceArguments)) {
            System.out.printf(
                    "Ready in %.1f s; loading %,d customers, %,d orders, %,d tickets ...%n",
                    (System.nanoTime() - started) / 1e9, customers, orders, tickets);
            try (Driver driver = GraphDatabase.driver(service.boltUri(), service.boltAuth())) {
                new BenchmarkGraph(driver).load(customers, orders, tickets);
            }
            var http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Map<String, IntFunction<String>> scenarios = new LinkedHashMap<>();
            SplittableRandom random = new SplittableRandom(7);
            scenarios.put(
                    "customer by id, own fields only (one round trip)",
                    i -> body(BY_ID_FIELDS, "id", "bc-" + random.split().nextInt(customers)));
            scenarios.put(
                    "customer by id, with orders, lines and products",
                    i -> body(BY_ID, "id", "bc-" + random.split().nextInt(customers)));
            scenarios.put(
                    "page of 50 customers, filtered by country, sorted by name",
                    i -> body(CUSTOMER_PAGE, "country", COUNTRIES[i % COUNTRIES.length]));
            scenarios.put(
                    "page of 50 tickets, filtered by status, newest first",
                    i -> body(TICKET_PAGE, "status", STATUSES[i % STATUSES.length]));
            // --baseline true: only the queries every earlier version answers, to compare a jar from before issue 15
            if (!options.containsKey("baseline")) {
                scenarios.put(
                        "page of 50 customers, where country (filter language), sorted by name",
                        i -> body(CUSTOMER_PAGE_WHERE, "country", COUNTRIES[i % COUNTRIES.length]));
                scenarios.put(
                        "revenue by country and month over all orders of a status (aggregate)",
                        i -> body(REVENUE_BY_COUNTRY_AND_MONTH, "status", "DELIVERED"));
            }

            // --only <words>: measure just the scenarios whose name contains them (e.g. to profile one query)
            if (options.containsKey("only")) {
                scenarios.keySet().removeIf(name -> !name.contains(options.get("only")));
            }
            // The JIT needs every code path hot before any figure means anything: warm all queries first.
            System.out.printf("Warming up: %,d requests of each query ...%n", requests);
            for (var scenario : scenarios.entrySet()) {
                run(
                        http,
                        service.graphQlUrl(),
                        service.adminKey,
                        scenario.getValue(),
                        count(scenario.getKey(), requests),
                        1,
                        null);
            }
            System.out.printf("%n| query | p50 ms | p90 ms | p99 ms | max ms | req/s (%d clients) |%n", clients);
            System.out.println("|---|---|---|---|---|---|");
            for (var scenario : scenarios.entrySet()) {
                int n = count(scenario.getKey(), requests);
                Latencies latencies = new Latencies(n);
                run(http, service.graphQlUrl(), service.adminKey, scenario.getValue(), n, 1, latencies);
                long t0 = System.nanoTime();
                run(http, service.graphQlUrl(), service.adminKey, scenario.getValue(), n, clients, null);
                double throughput = n / ((System.nanoTime() - t0) / 1e9);
                System.out.printf(
                        "| %s | %.2f | %.2f | %.2f | %.2f | %.0f |%n",
                        scenario.getKey(),
                        latencies.percentileMillis(50),
                        latencies.percentileMillis(90),
                        latencies.percentileMillis(99),
                        latencies.percentileMillis(100),
                        throughput);
            }
            System.out.printf("%nService resident memory after the run: %d MiB%n", service.residentMemoryBytes() >> 20);
        }
    }

    /** An aggregation reads every order: a twentieth of the requests (at least 50) keeps the run in minutes. */
    private static int count(String scenario, int requests) {
        return scenario.contains("(aggregate)") ? Math.max(50, requests / 20) : requests;
    }

    static void run(
            HttpClient http,
            String url,
            String apiKey,
            IntFunction<String> bodies,
            int count,
            int clients,
            Latencies latencies)
            throws Exception {
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    long i;
                    while ((i = next.getAndIncrement()) < count) {
                        var request = HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + apiKey)
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.apply((int) i)))
                                .build();
                        long t0 = System.nanoTime();
                        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long elapsed = System.nanoTime() - t0;
                        if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                            throw new IllegalStateException("Query failed: " + response.body());
                        }
                        if (latencies != null) {
                            latencies.add(elapsed);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static String body(String query, String variable, String value) {
        return "{\"query\":\"" + query.replace("\"", "\\\"").replace("\n", " ") + "\",\"variables\":{\"" + variable
                + "\":\"" + value + "\"}}";
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --name value pairs or --flag, got " + args[i]);
            }
            // a flag (--timeline) has no value: the next argument is another option, or there is none
            boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
            options.put(args[i].substring(2), flag ? "true" : args[++i]);
        }
        return options;
    }

    private ApiLatencyBenchmark() {}
}
