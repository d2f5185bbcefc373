package org.crmgraph.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Value;

/**
 * Which statements a running service sent its database, through Neo4j's own query collector
 * ({@code db.stats.collect('QUERIES')}): per statement, how often it ran and its mean execution time, so a benchmark
 * says where the database's time went rather than only that it was busy.
 */
final class QueryStats {

    private final Driver driver;

    private QueryStats(Driver driver) {
        this.driver = driver;
    }

    static QueryStats start(ServiceProcess service, int seconds) {
        Driver driver = GraphDatabase.driver(service.boltUri(), service.boltAuth());
        try (var session = driver.session()) {
            session.run("CALL db.stats.clear('QUERIES')").consume();
            session.run("CALL db.stats.collect('QUERIES', {durationSeconds: $seconds})", Map.of("seconds", seconds))
                    .consume();
        }
        return new QueryStats(driver);
    }

    /** Prints the statements by total execution time, with their count per write of the benchmark. */
    void print(int writes) {
        record Row(String query, long count, double meanMicros) {}
        List<Row> rows = new ArrayList<>();
        try (var session = driver.session()) {
            session.run("CALL db.stats.retrieve('QUERIES') YIELD data RETURN data")
                    .forEachRemaining(r -> {
                        Value data = r.get("data");
                        Value summary = data.get("invocationSummary");
                        rows.add(new Row(
                                data.get("query")
                                        .asString()
                                        .replaceAll("\\s+", " ")
                                        .strip(),
                                summary.get("invocationCount").asLong(),
                                summary.get("executionTimeInUs").get("avg").asDouble()));
                    });
        } finally {
            driver.close();
        }
        rows.sort((a, b) -> Double.compare(b.count * b.meanMicros, a.count * a.meanMicros));
        System.out.printf("%n| statement | runs | per write | mean ms | total s |%n|---|---|---|---|---|%n");
        for (Row row : rows.subList(0, Math.min(20, rows.size()))) {
            String query = row.query.length() > 110 ? row.query.substring(0, 110) + "…" : row.query;
            System.out.printf(
                    "| `%s` | %,d | %.2f | %.2f | %.1f |%n",
                    query.replace("|", "\\\\|"),
                    row.count,
                    (double) row.count / writes,
                    row.meanMicros / 1000,
                    row.count * row.meanMicros / 1e6);
        }
        System.out.printf(
                "statements: %,d kinds, %,d runs%n",
                rows.size(), rows.stream().mapToLong(Row::count).sum());
    }
}
