package org.crmgraph.analytics.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * A forecast of one series.
 *
 * @param key            the country, category or SKU; null for the total
 * @param model          the method the backtest chose, or {@code NO_SALES}
 * @param historyPeriods periods of history, from the first sale to the period of the newest order in the graph
 * @param points         one per period ahead, the first the period after the newest order in the graph
 * @param backtest       how each candidate did in the rolling-origin backtest
 */
public record SalesForecast(
        ForecastLevel level,
        String key,
        ForecastMeasure measure,
        Granularity granularity,
        String model,
        boolean intermittent,
        int historyPeriods,
        List<Point> points,
        List<Forecaster.Score> backtest) {

    /** One period ahead: the forecast and its 80% and 95% prediction intervals. */
    public record Point(
            LocalDate periodStart, double value, double lower80, double upper80, double lower95, double upper95) {}
}
