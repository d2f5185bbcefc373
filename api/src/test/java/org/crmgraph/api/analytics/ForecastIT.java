package org.crmgraph.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.crmgraph.api.FixtureGraphTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code forecast} over orders written into the fixture graph: a product sold every week with a rising trend, one
 * sold once, and what a client can get wrong (an unknown product, a horizon of 0 or 10,000, no key).
 */
class ForecastIT extends FixtureGraphTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.crmgraph.analytics.forecast.ForecastRefresh forecastRefresh;

    private static final String FORECAST = """
            query($level: ForecastLevel!, $key: String, $measure: ForecastMeasure, $granularity: ForecastGranularity, $horizon: Int) {
              forecast(input: {level: $level, key: $key, measure: $measure, granularity: $granularity, horizon: $horizon}) {
                level key measure granularity model intermittent historyPeriods
                points { periodStart value lower80 upper80 lower95 upper95 }
                backtest { method mase smape folds } } }""";

    /**
     * Forty weeks of orders of FC-TREND on Wednesdays, 10 + t units (2025-01-01 is a Wednesday), and one order of
     * FC-ONCE in the first week; the newest order in the graph is then the last FC-TREND order, 2025-10-01.
     */
    @BeforeEach
    void weeklySales() {
        cypher.write("""
                MATCH (c:Customer {id: 'c1'}), (audio:Category {name: 'Audio'})
                CREATE (trend:Product {sku: 'FC-TREND', name: 'Trend', price: 10.0})-[:IN_CATEGORY]->(audio),
                       (once:Product {sku: 'FC-ONCE', name: 'Once', price: 5.0})-[:IN_CATEGORY]->(audio)
                WITH c, trend, once
                UNWIND range(0, 39) AS t
                CREATE (c)-[:PLACED]->(o:Order {id: 'fc-' + t, placedAt: datetime('2025-01-01T10:00Z') + duration({weeks: t}),
                                                status: 'DELIVERED', channel: 'WEB', total: (10 + t) * 10.0})
                CREATE (o)-[:CONTAINS {quantity: 10 + t, unitPrice: 10.0}]->(trend)
                WITH c, once, count(*) AS written
                CREATE (c)-[:PLACED]->(:Order {id: 'fc-once', placedAt: datetime('2025-01-02T10:00Z'), status: 'DELIVERED',
                                              channel: 'WEB', total: 5.0})-[:CONTAINS {quantity: 1, unitPrice: 5.0}]->(once)
                """, Map.of());
    }

    private Map<String, Object> forecast(String level, String key, String measure, String granularity, int horizon) {
        return graphQl.document(FORECAST)
                .variable("level", level)
                .variable("key", key)
                .variable("measure", measure)
                .variable("granularity", granularity)
                .variable("horizon", horizon)
                .execute()
                .path("forecast")
                .entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    private long count(String query) {
        return cypher.read(query, Map.of(), r -> r.get(0).asLong()).getFirst();
    }

    @Test
    void theRefreshWritesForecastsOfTheTotalEachCountryAndEachCategoryForAnalysts() {
        long countries = count(
                "MATCH (c:Customer)-[:PLACED]->(:Order)-[:CONTAINS]->() WHERE c.country IS NOT NULL RETURN count(DISTINCT c.country)");
        long categories =
                count("MATCH (k:Category)<-[:IN_CATEGORY]-(:Product)<-[:CONTAINS]-(:Order) RETURN count(DISTINCT k)");

        String summary = forecastRefresh.refresh();

        // revenue and units of each
        assertThat(count("MATCH (f:Forecast) RETURN count(f)")).isEqualTo(2 * (1 + countries + categories));
        assertThat(summary).startsWith(2 * (1 + countries + categories) + " forecasts");
        Map<String, Object> audio =
                cypher.read("""
                        MATCH (f:Forecast {level: 'CATEGORY', key: 'Audio', measure: 'UNITS'})-[:FORECASTS]->(:Category {name: 'Audio'})
                        RETURN f {.model, .backtestMase, .periodStarts, .values, .lower80, .upper95, .historyPeriods} AS f
                        """, Map.of(), r -> r.get("f").asMap()).getFirst();
        assertThat(audio.get("model")).isNotNull();
        assertThat((List<?>) audio.get("values")).hasSize(13);
        assertThat((List<?>) audio.get("upper95")).hasSize(13);
        assertThat(((List<?>) audio.get("periodStarts")).getFirst()).isEqualTo(java.time.LocalDate.parse("2025-10-06"));
        assertThat(count("MATCH (f:Forecast {level: 'TOTAL'}) RETURN count(f)")).isEqualTo(2);

        // a category that no longer sells loses its forecasts at the next refresh
        cypher.write("MATCH (:Category {name: 'Audio'})<-[r:IN_CATEGORY]-() DELETE r", Map.of());
        forecastRefresh.refresh();
        assertThat(count("MATCH (f:Forecast {level: 'CATEGORY', key: 'Audio'}) RETURN count(f)"))
                .isZero();
    }

    @Test
    void aForecastAskedAgainIsServedWithoutReadingTheHistoryUntilAnOrderChangesIt() {
        Map<String, Object> first = forecast("PRODUCT", "FC-TREND", "UNITS", "WEEK", 13);
        long before = cypher.transactionCount();
        Map<String, Object> again = forecast("PRODUCT", "FC-TREND", "UNITS", "WEEK", 13);
        // the key's existence and the orders' count and newest day: two reads, the history and backtest skipped
        assertThat(cypher.transactionCount() - before).isEqualTo(2);
        assertThat(again).isEqualTo(first);

        // a new order changes the stamp: the next answer is computed again, and moves
        cypher.write("""
                MATCH (c:Customer {id: 'c1'}), (p:Product {sku: 'FC-TREND'})
                CREATE (c)-[:PLACED]->(o:Order {id: 'fc-more', placedAt: datetime('2025-10-01T12:00Z'), status: 'DELIVERED',
                                               channel: 'WEB', total: 5000.0})-[:CONTAINS {quantity: 500, unitPrice: 10.0}]->(p)
                """, Map.of());
        Map<String, Object> after = forecast("PRODUCT", "FC-TREND", "UNITS", "WEEK", 13);
        assertThat(after.get("points")).isNotEqualTo(first.get("points"));
    }

    @Test
    void periodsFinerThanTheDataAreRefusedNamingTheGranularity() {
        // a product whose sales were recorded per month (every order on the first), and the weekly FC-TREND
        cypher.write("""
                MATCH (c:Customer {id: 'c1'})
                CREATE (p:Product {sku: 'FC-MONTHLY', name: 'Monthly', price: 1.0})
                WITH c, p
                UNWIND range(0, 8) AS m
                CREATE (c)-[:PLACED]->(o:Order {id: 'fc-m' + m, placedAt: datetime('2025-01-01T00:00Z') + duration({months: m}),
                                                status: 'DELIVERED', channel: 'WEB', total: 100.0})
                CREATE (o)-[:CONTAINS {quantity: 100, unitPrice: 1.0}]->(p)
                """, Map.of());
        for (String[] ask : new String[][] {{"FC-MONTHLY", "WEEK"}, {"FC-MONTHLY", "DAY"}, {"FC-TREND", "DAY"}}) {
            graphQl.document(FORECAST)
                    .variable("level", "PRODUCT")
                    .variable("key", ask[0])
                    .variable("granularity", ask[1])
                    .variable("horizon", 4)
                    .execute()
                    .errors()
                    .satisfy(errors -> assertThat(errors)
                            .singleElement()
                            .satisfies(error -> assertThat(error.getExtensions())
                                    .containsEntry("code", "OUT_OF_RANGE")
                                    .containsEntry("argument", "input.granularity")));
        }
        // what the data was recorded in is answered
        assertThat(forecast("PRODUCT", "FC-MONTHLY", "UNITS", "MONTH", 3).get("points"))
                .asList()
                .hasSize(3);
        assertThat(forecast("PRODUCT", "FC-TREND", "UNITS", "WEEK", 3).get("points"))
                .asList()
                .hasSize(3);
    }

    @Test
    void aProductWithARisingWeeklyTrendIsForecastToKeepRisingFromTheWeekAfterTheNewestOrder() {
        Map<String, Object> forecast = forecast("PRODUCT", "FC-TREND", "UNITS", "WEEK", 13);
        assertThat(forecast)
                .containsEntry("level", "PRODUCT")
                .containsEntry("key", "FC-TREND")
                .containsEntry("intermittent", false)
                .containsEntry("historyPeriods", 40);
        assertThat((String) forecast.get("model")).isIn("DAMPED_HOLT", "THETA", "ARIMA");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) forecast.get("points");
        assertThat(points).hasSize(13);
        // the newest order, 2025-10-01, is in the ISO week of Monday 2025-09-29: the forecast starts the week after
        assertThat(points.getFirst()).containsEntry("periodStart", "2025-10-06");
        assertThat(points.get(1)).containsEntry("periodStart", "2025-10-13");
        double first = ((Number) points.getFirst().get("value")).doubleValue();
        assertThat(first).as("the week after 49 units").isBetween(47.0, 53.0);
        for (Map<String, Object> point : points) {
            double value = ((Number) point.get("value")).doubleValue();
            assertThat(((Number) point.get("lower95")).doubleValue())
                    .isLessThanOrEqualTo(((Number) point.get("lower80")).doubleValue());
            assertThat(((Number) point.get("lower80")).doubleValue()).isLessThanOrEqualTo(value);
            assertThat(((Number) point.get("upper80")).doubleValue()).isGreaterThanOrEqualTo(value);
            assertThat(((Number) point.get("upper95")).doubleValue())
                    .isGreaterThanOrEqualTo(((Number) point.get("upper80")).doubleValue());
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> backtest = (List<Map<String, Object>>) forecast.get("backtest");
        assertThat(backtest).extracting(score -> score.get("method")).contains("SEASONAL_NAIVE", "SES", "THETA");

        // revenue is units times price; the category and the total include it
        double revenue = ((Number) ((List<Map<String, Object>>) forecast("PRODUCT", "FC-TREND", "REVENUE", "WEEK", 1)
                                .get("points"))
                        .getFirst()
                        .get("value"))
                .doubleValue();
        assertThat(revenue).isBetween(470.0, 530.0);
        assertThat(forecast("CATEGORY", "Audio", "ORDERS", "MONTH", 3).get("points"))
                .asList()
                .hasSize(3);
        assertThat(forecast("TOTAL", null, "REVENUE", "DAY", 7).get("points"))
                .asList()
                .hasSize(7);
    }

    @Test
    void aProductSoldOnceMonthsAgoIsForecastToSellAlmostNothing() {
        Map<String, Object> forecast = forecast("PRODUCT", "FC-ONCE", "UNITS", "WEEK", 4);
        assertThat(forecast).containsEntry("intermittent", true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) forecast.get("points");
        double total = points.stream()
                .mapToDouble(p -> ((Number) p.get("value")).doubleValue())
                .sum();
        assertThat(total).as(forecast.get("model").toString()).isLessThan(1.0);
    }

    @Test
    void theEvaluationCommandGradesEveryLevelAgainstSeasonalNaive() {
        var bytes = new java.io.ByteArrayOutputStream();
        var out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        int status = commands.stream()
                .filter(c -> c.name().equals("evaluate-forecasts"))
                .findFirst()
                .orElseThrow()
                .run(List.of("--measure", "units", "--horizon", "8"), out, out);
        String report = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(status).as(report).isZero();
        assertThat(report).contains("TOTAL", "COUNTRY", "CATEGORY", "PRODUCT", "SEASONAL_NAIVE", "AUTO", "95%");
        // FC-TREND is the product with most revenue and its trend is what the naive forecast misses
        assertThat(report).containsPattern("\\| THETA \\| [1-9]");

        int refused = commands.stream()
                .filter(c -> c.name().equals("evaluate-forecasts"))
                .findFirst()
                .orElseThrow()
                .run(List.of("--horizon", "0"), out, out);
        assertThat(refused).isEqualTo(org.crmgraph.api.cli.Command.BAD_ARGUMENTS);
    }

    @org.springframework.beans.factory.annotation.Autowired
    List<org.crmgraph.api.cli.Command> commands;

    @Test
    void badInputIsRefusedNamingTheFieldAndWhy() {
        expectError("PRODUCT", "NO-SUCH-SKU", 13, "NOT_FOUND", "input.key");
        expectError("PRODUCT", null, 13, "REQUIRED", "input.key");
        expectError("PRODUCT", "FC-TREND", 0, "OUT_OF_RANGE", "input.horizon");
        expectError("PRODUCT", "FC-TREND", 10_000, "OUT_OF_RANGE", "input.horizon");
        expectError("COUNTRY", "ZZ", 13, "NOT_FOUND", "input.key");
    }

    private void expectError(String level, String key, int horizon, String code, String argument) {
        graphQl.document(FORECAST)
                .variable("level", level)
                .variable("key", key)
                .variable("horizon", horizon)
                .execute()
                .errors()
                .satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.getFirst().getExtensions())
                            .as("%s %s horizon %d", level, key, horizon)
                            .containsEntry("code", code)
                            .containsEntry("argument", argument);
                    assertThat(errors.getFirst().getMessage()).isNotBlank();
                })
                .path("forecast")
                .valueIsNull();
    }
}
