package org.crmgraph.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * Writers against the packaged service for minutes, then a kill -9 under load and a restart.
 *
 * <p>Eight clients by default, over HTTP with an API key: five each own one field (name, email, phone,
 * city, country) of the same 20 customers and update it in turn; three race to create customers with
 * the same e-mail addresses and place orders. At the end it checks over Bolt that every field holds its
 * owner's last acknowledged value (no lost update), that each raced e-mail exists once (no duplicate),
 * and that every acknowledged order exists; then it kills the service during writes, restarts it on the
 * same store and checks the acknowledged writes again. Prints a Markdown summary.
 *
 * <pre>./mvnw -pl benchmarks exec:java -Dexec.mainClass=org.crmgraph.benchmarks.SoakBenchmark -Dexec.args="--minutes 5"</pre>
 */
public final class SoakBenchmark {

    private static final List<String> FIELDS = List.of("name", "email", "phone", "city", "country");
    private static final List<String> COUNTRIES = List.of("GB", "DE", "FR", "NL", "IE");
    private static final Pattern CODE = Pattern.compile("\"code\":\"([A-Z_]+)\"");
    private static final Pattern ORDER_ID = Pattern.compile("\"order\":\\{\"id\":\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final Map<String, String> lastWritten = new ConcurrentHashMap<>();
    /** The value a writer sent last, acknowledged or not: a write cut off by the kill may still have committed. */
    private final Map<String, String> lastSent = new ConcurrentHashMap<>();

    private final Map<Integer, AtomicLong> createdPerEmail = new ConcurrentHashMap<>();
    private final List<String> orders = Collections.synchronizedList(new ArrayList<>());
    private final Latencies latencies = new Latencies(5_000_000);
    private volatile ServiceProcess service;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ApiLatencyBenchmark.options(args);
        Path jar = Path.of(options.getOrDefault("jar", "api/target/api-0.1.0-SNAPSHOT.jar"))
                .toAbsolutePath();
        double minutes = Double.parseDouble(options.getOrDefault("minutes", "5"));
        int customers = Integer.parseInt(options.getOrDefault("customers", "20"));
        new SoakBenchmark().run(jar, options.getOrDefault("heap", "2g"), minutes, customers);
    }

    private void run(Path jar, String heap, double minutes, int customers) throws Exception {
        service = ServiceProcess.start(jar, heap, List.of());
        try {
            List<String> ids = new ArrayList<>();
            post(mutation(
                    "createProduct",
                    "CreateProductInput!",
                    "{\"sku\":\"SOAK-1\",\"name\":\"Soak product\",\"price\":9.5}",
                    "product { sku }"));
            for (int c = 0; c < customers; c++) {
                String body = post(mutation(
                        "createCustomer",
                        "CreateCustomerInput!",
                        "{\"name\":\"Shared " + c + "\"}",
                        "customer { id }"));
                Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
                if (!m.find()) {
                    throw new IllegalStateException("Could not create the shared customers: " + body);
                }
                ids.add(m.group(1));
            }
            long millis = (long) (minutes * 60_000);
            System.out.printf("Soak: 8 writers for %.1f min on %d shared customers ...%n", minutes, customers);
            long started = System.nanoTime();
            long requests = load(ids, System.nanoTime() + millis * 1_000_000L, new AtomicBoolean(true));
            double seconds = (System.nanoTime() - started) / 1e9;
            List<String> problems = verify(ids);

            System.out.printf("%n| measure | value |%n|---|---|%n");
            System.out.printf("| requests | %,d in %.0f s (%.1f/s) |%n", requests, seconds, requests / seconds);
            System.out.printf(
                    "| latency p50 / p99 / max | %.1f / %.1f / %.1f ms |%n",
                    latencies.percentileMillis(50), latencies.percentileMillis(99), latencies.percentileMillis(100));
            System.out.printf("| outcomes | %s |%n", new TreeMap<>(outcomes));
            System.out.printf("| orders acknowledged | %,d |%n", orders.size());
            System.out.printf("| raced e-mails | %,d |%n", createdPerEmail.size());
            System.out.printf("| service resident memory | %d MiB |%n", service.residentMemoryBytes() >> 20);
            System.out.printf(
                    "| invariants | %s |%n",
                    problems.isEmpty() ? "no lost update, no duplicate, no lost order" : problems);

            // a crash under load: writers keep going while the process is killed
            orders.clear();
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService background = Executors.newSingleThreadExecutor();
            Future<Long> crashLoad = background.submit(() -> load(ids, Long.MAX_VALUE, writing));
            Thread.sleep(10_000);
            long killed = System.nanoTime();
            ServiceProcess old = service;
            writing.set(false);
            service = old.killAndRestart();
            long recovery = (System.nanoTime() - killed) / 1_000_000;
            crashLoad.get(2, TimeUnit.MINUTES);
            background.shutdown();
            List<String> afterCrash = verify(ids);
            System.out.printf(
                    "| kill -9 under load, restart | ready again in %,d ms; %s |%n",
                    recovery,
                    afterCrash.isEmpty()
                            ? "every acknowledged write present (" + orders.size() + " orders in the last 10 s)"
                            : afterCrash);
        } finally {
            service.close();
        }
    }

    /** Eight writers until the deadline or until {@code writing} turns false; returns the requests sent. */
    private long load(List<String> ids, long deadline, AtomicBoolean writing) throws Exception {
        AtomicLong requests = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> workers = new ArrayList<>();
        for (String field : FIELDS) {
            workers.add(pool.submit(() -> {
                for (int i = 0; System.nanoTime() < deadline && writing.get(); i++) {
                    for (String id : ids) {
                        String value = value(field, id, i);
                        lastSent.put(id + "." + field, field.equals("email") ? value.toLowerCase() : value);
                        String body = timed(
                                mutationWithId(
                                        "updateCustomer",
                                        id,
                                        "UpdateCustomerInput!",
                                        "{\"" + field + "\":\"" + value + "\"}",
                                        "customer { id }"),
                                requests);
                        if (body != null && acknowledged(body)) {
                            lastWritten.put(id + "." + field, field.equals("email") ? value.toLowerCase() : value);
                        }
                    }
                }
                return null;
            }));
        }
        for (int t = 0; t < 3; t++) {
            workers.add(pool.submit(() -> {
                for (int k = 0; System.nanoTime() < deadline && writing.get(); k++) {
                    String created = timed(
                            mutation(
                                    "createCustomer",
                                    "CreateCustomerInput!",
                                    "{\"name\":\"Racer " + k + "\",\"email\":\"race-" + k + "@example.com\"}",
                                    "customer { id }"),
                            requests);
                    if (created != null && acknowledged(created)) {
                        createdPerEmail
                                .computeIfAbsent(k, x -> new AtomicLong())
                                .incrementAndGet();
                    }
                    String order = timed(
                            mutation(
                                    "placeOrder",
                                    "PlaceOrderInput!",
                                    "{\"customerId\":\"" + ids.get(k % ids.size())
                                            + "\",\"lines\":[{\"sku\":\"SOAK-1\",\"quantity\":1}]}",
                                    "order { id }"),
                            requests);
                    Matcher m = order == null ? null : ORDER_ID.matcher(order);
                    if (m != null && m.find() && acknowledged(order)) {
                        orders.add(m.group(1));
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> worker : workers) {
            worker.get();
        }
        return requests.get();
    }

    private List<String> verify(List<String> ids) {
        List<String> problems = new ArrayList<>();
        try (Driver driver = GraphDatabase.driver(service.boltUri(), service.boltAuth());
                var session = driver.session()) {
            for (String id : ids) {
                Map<String, Object> stored = session.run(
                                "MATCH (c:Customer {id: $id}) RETURN properties(c) AS c", Map.of("id", id))
                        .single()
                        .get(0)
                        .asMap();
                for (String field : FIELDS) {
                    String expected = lastWritten.get(id + "." + field);
                    if (expected != null
                            && !expected.equals(stored.get(field))
                            && !lastSent.get(id + "." + field).equals(stored.get(field))) {
                        problems.add("lost update " + id + "." + field + ": " + stored.get(field) + " instead of "
                                + expected);
                    }
                }
            }
            session.run(
                            "MATCH (c:Customer) WHERE c.email STARTS WITH 'race-' WITH c.email AS e, count(*) AS n WHERE n > 1 RETURN e")
                    .list()
                    .forEach(r -> problems.add("duplicate " + r.get(0).asString()));
            createdPerEmail.forEach((k, n) -> {
                if (n.get() != 1) {
                    problems.add("race-" + k + " acknowledged " + n.get() + " times");
                }
            });
            long present = session.run(
                            "MATCH (o:Order) WHERE o.id IN $ids RETURN count(o)", Map.of("ids", List.copyOf(orders)))
                    .single()
                    .get(0)
                    .asLong();
            if (present != orders.size()) {
                problems.add((orders.size() - present) + " acknowledged orders missing");
            }
        }
        return problems;
    }

    private String timed(String body, AtomicLong requests) {
        long t0 = System.nanoTime();
        try {
            String response = post(body);
            latencies.add(System.nanoTime() - t0);
            requests.incrementAndGet();
            Matcher m = CODE.matcher(response);
            outcomes.computeIfAbsent(m.find() ? m.group(1) : "OK", x -> new AtomicLong())
                    .incrementAndGet();
            return response;
        } catch (Exception e) {
            // during the kill: the connection is refused or reset; such a write was never acknowledged
            outcomes.computeIfAbsent("NO_RESPONSE", x -> new AtomicLong()).incrementAndGet();
            return null;
        }
    }

    private String post(String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(service.graphQlUrl()))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + service.adminKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static boolean acknowledged(String body) {
        return body.contains("\"errors\":[]") && !body.contains("\"errors\":[{");
    }

    private static String mutation(String field, String inputType, String input, String selection) {
        return "{\"query\":\"mutation($input: " + inputType + ") { " + field + "(input: $input) { " + selection
                + " errors { code } } }\",\"variables\":{\"input\":" + input + "}}";
    }

    private static String mutationWithId(String field, String id, String inputType, String input, String selection) {
        return "{\"query\":\"mutation($id: ID!, $input: " + inputType + ") { " + field + "(id: $id, input: $input) { "
                + selection + " errors { code } } }\",\"variables\":{\"id\":\"" + id + "\",\"input\":" + input + "}}";
    }

    private static String value(String field, String id, int i) {
        return switch (field) {
            case "name" -> "Name " + id + " " + i;
            case "email" -> id + "-" + i + "@Example.com";
            case "phone" -> "+44207946" + String.format("%04d", i % 10_000);
            case "city" -> "City " + i;
            case "country" -> COUNTRIES.get(i % COUNTRIES.size());
            default -> throw new IllegalArgumentException(field);
        };
    }

    private SoakBenchmark() {}
}
