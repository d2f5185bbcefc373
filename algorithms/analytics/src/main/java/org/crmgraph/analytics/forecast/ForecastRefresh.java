package org.crmgraph.analytics.forecast;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.crmgraph.graph.cypher.CypherRunner;
import org.springframework.stereotype.Service;

/**
 * Writes forecasts for analysts, in the analytics refresh's FORECASTS step: the total, every country and every
 * category, weekly revenue and units 13 weeks ahead, as {@code (:Forecast)} nodes (a category's linked
 * {@code -[:FORECASTS]->} to its {@code (:Category)}; countries have no node of their own, the forecast names the
 * country in {@code key}), each with the chosen model, its backtest error and the points with their intervals as
 * parallel lists. Forecasts of keys that no longer sell are removed. Products are forecast on request
 * ({@link SalesForecasts}), not here: there are thousands, most with too little history to be worth a node.
 */
@Service
public class ForecastRefresh {

    static final Granularity GRANULARITY = Granularity.WEEK;
    static final int HORIZON = 13;
    static final List<ForecastMeasure> MEASURES = List.of(ForecastMeasure.REVENUE, ForecastMeasure.UNITS);
    private static final int MAX_KEYS = 10_000;

    private static final String WRITE = """
            UNWIND $rows AS row
            MERGE (f:Forecast {id: row.id})
            SET f = row.properties, f.refresh = $refresh, f.refreshedAt = datetime()
            WITH f, row
            CALL (f) { OPTIONAL MATCH (f)-[old:FORECASTS]->() DELETE old }
            CALL (f, row) {
              MATCH (c:Category {name: row.properties.key}) WHERE row.properties.level = 'CATEGORY'
              MERGE (f)-[:FORECASTS]->(c)
            }
            """;
    private static final String REMOVE_OLD = """
            MATCH (f:Forecast) WHERE f.refresh <> $refresh DETACH DELETE f
            """;

    private final SalesForecasts forecasts;
    private final SalesHistory history;
    private final CypherRunner cypher;

    ForecastRefresh(SalesForecasts forecasts, SalesHistory history, CypherRunner cypher) {
        this.forecasts = forecasts;
        this.history = history;
        this.cypher = cypher;
    }

    /** Forecasts every level and writes them; a summary for the refresh's report. */
    public String refresh() {
        String refresh = UUID.randomUUID().toString();
        if (history.newestOrder().isEmpty()) {
            cypher.write(REMOVE_OLD, Map.of("refresh", refresh));
            return "no orders: nothing to forecast";
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Integer> models = new HashMap<>();
        List<String> countries = history.keys(ForecastLevel.COUNTRY, MAX_KEYS);
        List<String> categories = history.keys(ForecastLevel.CATEGORY, MAX_KEYS);
        // measures inner: each series' history is read once for all of them
        MEASURES.forEach(measure -> rows.add(row(ForecastLevel.TOTAL, null, measure, models)));
        countries.forEach(
                country -> MEASURES.forEach(measure -> rows.add(row(ForecastLevel.COUNTRY, country, measure, models))));
        categories.forEach(category ->
                MEASURES.forEach(measure -> rows.add(row(ForecastLevel.CATEGORY, category, measure, models))));
        for (int from = 0; from < rows.size(); from += 500) {
            cypher.write(
                    WRITE, Map.of("rows", rows.subList(from, Math.min(rows.size(), from + 500)), "refresh", refresh));
        }
        cypher.write(REMOVE_OLD, Map.of("refresh", refresh));
        return String.format(
                Locale.ROOT,
                "%d forecasts (the total, %d countries, %d categories; %s, %d %s ahead); models %s",
                rows.size(),
                countries.size(),
                categories.size(),
                String.join(
                        " and ",
                        MEASURES.stream()
                                .map(m -> m.name().toLowerCase(Locale.ROOT))
                                .toList()),
                HORIZON,
                GRANULARITY.name().toLowerCase(Locale.ROOT) + "s",
                new java.util.TreeMap<>(models));
    }

    private Map<String, Object> row(
            ForecastLevel level, String key, ForecastMeasure measure, Map<String, Integer> models) {
        SalesForecast forecast = forecasts.forecast(level, key, measure, GRANULARITY, HORIZON);
        models.merge(forecast.model(), 1, Integer::sum);
        Map<String, Object> properties = new HashMap<>();
        String id = level.name() + ":" + (key == null ? "" : key) + ":" + measure.name() + ":" + GRANULARITY.name();
        properties.put("id", id);
        properties.put("level", level.name());
        properties.put("key", key);
        properties.put("measure", measure.name());
        properties.put("granularity", GRANULARITY.name());
        properties.put("model", forecast.model());
        properties.put("intermittent", forecast.intermittent());
        properties.put("historyPeriods", forecast.historyPeriods());
        forecast.backtest().stream()
                .filter(score -> score.method().equals(forecast.model()))
                .findFirst()
                .ifPresent(score -> {
                    if (Double.isFinite(score.mase())) {
                        properties.put("backtestMase", score.mase());
                    }
                    if (Double.isFinite(score.smape())) {
                        properties.put("backtestSmape", score.smape());
                    }
                });
        properties.put(
                "periodStarts",
                forecast.points().stream().map(SalesForecast.Point::periodStart).toList());
        properties.put(
                "values",
                forecast.points().stream().map(SalesForecast.Point::value).toList());
        properties.put(
                "lower80",
                forecast.points().stream().map(SalesForecast.Point::lower80).toList());
        properties.put(
                "upper80",
                forecast.points().stream().map(SalesForecast.Point::upper80).toList());
        properties.put(
                "lower95",
                forecast.points().stream().map(SalesForecast.Point::lower95).toList());
        properties.put(
                "upper95",
                forecast.points().stream().map(SalesForecast.Point::upper95).toList());
        return Map.of("id", id, "properties", properties);
    }
}
