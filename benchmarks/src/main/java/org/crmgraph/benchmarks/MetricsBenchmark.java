package org.crmgraph.benchmarks;

import java.nio.file.Path;
import java.util.Map;
import org.crmgraph.analytics.lifetime.LifetimeValueProperties;
import org.crmgraph.analytics.metrics.CustomerMetrics;
import org.crmgraph.analytics.metrics.MetricsRefresh;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.embedded.EmbeddedNeo4j;
import org.crmgraph.graph.embedded.EmbeddedNeo4jProperties;
import org.neo4j.driver.GraphDatabase;

/**
 * Customer metrics (RFM, value) refreshed on an imported graph, e.g. the data folder that
 * {@link ImportBenchmark} or the import command filled with the whole Online Retail file.
 *
 * <pre>./mvnw -pl benchmarks exec:java -Dexec.mainClass=org.crmgraph.benchmarks.MetricsBenchmark \
 *     -Dexec.args="--data-dir /tmp/crm-import-bench..."</pre>
 */
public final class MetricsBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ApiLatencyBenchmark.options(args);
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        try (var neo4j = EmbeddedNeo4j.start(
                        Path.of(options.getOrDefault("data-dir", "crm-data")),
                        new EmbeddedNeo4jProperties(0, "256m", false, true));
                var driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
            var metrics = new CustomerMetrics(CypherRunner.over(driver), LifetimeValueProperties.defaults());
            System.out.printf("%n| run | customers | seconds |%n|---|---|---|%n");
            for (int run = 1; run <= runs; run++) {
                MetricsRefresh refresh = metrics.refresh();
                System.out.printf("| %d | %,d | %.2f |%n", run, refresh.customers(), refresh.millis() / 1000.0);
            }
        }
    }

    private MetricsBenchmark() {}
}
