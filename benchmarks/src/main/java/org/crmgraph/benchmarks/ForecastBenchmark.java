package org.crmgraph.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * Latency of a product's forecast on request ({@code forecast(input: {level: PRODUCT, ...})}), on an imported graph:
 * first the best-selling products each asked once (computed: history read, six methods backtested), then the same
 * products asked again (served from the service's cache while the orders are unchanged). One client, after a warm-up
 * on other products. Prints p50, p95 and max of both.
 *
 * <pre>
 * java -jar api/target/api-*.jar import --mapping online-retail online_retail.csv.gz --crm.data-dir=/tmp/or-data
 * ./mvnw -pl benchmarks exec:java -Dexec.mainClass=org.crmgraph.benchmarks.ForecastBenchmark \
 *     -Dexec.args="--data /tmp/or-data --products 300"
 * </pre>
 */
public final class ForecastBenchmark {

    private static final String FORECAST = """
            query($sku: String!) { forecast(input: {level: PRODUCT, key: $sku, measure: REVENUE, granularity: WEEK,
              horizon: 13}) { model points { periodStart value lower80 upper80 lower95 upper95 } } }""";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ApiLatencyBenchmark.options(args);
        Path jar = Path.of(options.getOrDefault("jar", "api/target/api-0.1.0-SNAPSHOT.jar"))
                .toAbsolutePath();
        Path data = Path.of(options.getOrDefault("data", "/tmp/or-data"));
        int products = Integer.parseInt(options.getOrDefault("products", "300"));
        int warmUp = Integer.parseInt(options.getOrDefault("warm-up", "100"));
        try (var service = ServiceProcess.onData(jar, "2g", data, List.of())) {
            List<String> skus;
            try (Driver driver = GraphDatabase.driver(service.boltUri(), service.boltAuth())) {
                skus =
                        driver
                                .executableQuery("""
                                MATCH (p:Product)<-[l:CONTAINS]-(:Order)
                                RETURN p.sku AS sku, sum(l.quantity * l.unitPrice) AS revenue
                                ORDER BY revenue DESC LIMIT $n""")
                                .withParameters(Map.of("n", warmUp + products))
                                .execute()
                                .records()
                                .stream()
                                .map(r -> r.get("sku").asString())
                                .toList();
            }
            HttpClient http = HttpClient.newHttpClient();
            for (String sku : skus.subList(products, skus.size())) {
                ask(http, service, sku);
            }
            List<String> measured = skus.subList(0, Math.min(products, skus.size()));
            Latencies computed = new Latencies(measured.size());
            Latencies cached = new Latencies(measured.size());
            List<String> models = new ArrayList<>();
            for (String sku : measured) {
                long started = System.nanoTime();
                models.add(ask(http, service, sku));
                computed.add(System.nanoTime() - started);
            }
            for (String sku : measured) {
                long started = System.nanoTime();
                ask(http, service, sku);
                cached.add(System.nanoTime() - started);
            }
            System.out.printf(
                    "Product forecasts (REVENUE, WEEK, 13 ahead), %d best-selling products, one client%n",
                    measured.size());
            System.out.printf("| asked | p50 ms | p95 ms | max ms |%n|---|---:|---:|---:|%n");
            print("first time (computed)", computed);
            print("again (cached)", cached);
            System.out.printf("%nModels chosen: %s%n", count(models));
        }
    }

    private static String ask(HttpClient http, ServiceProcess service, String sku) throws Exception {
        String body = "{\"query\":" + json(FORECAST) + ",\"variables\":{\"sku\":" + json(sku) + "}}";
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(service.graphQlUrl()))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + service.adminKey)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
            throw new IllegalStateException("forecast of " + sku + " failed: " + response.body());
        }
        int at = response.body().indexOf("\"model\":\"");
        return at < 0 ? "?" : response.body().substring(at + 9, response.body().indexOf('"', at + 9));
    }

    private static void print(String label, Latencies latencies) {
        System.out.printf(
                "| %s | %.1f | %.1f | %.1f |%n",
                label, latencies.percentileMillis(50), latencies.percentileMillis(95), latencies.percentileMillis(100));
    }

    private static Map<String, Long> count(List<String> models) {
        var counts = new java.util.TreeMap<String, Long>();
        models.forEach(model -> counts.merge(model, 1L, Long::sum));
        return counts;
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private ForecastBenchmark() {}
}
