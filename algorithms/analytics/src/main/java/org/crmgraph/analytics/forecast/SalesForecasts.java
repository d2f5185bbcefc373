package org.crmgraph.analytics.forecast;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.springframework.stereotype.Service;

/**
 * Forecasts of sales from the graph's own history: the series of the level asked for, from its first sale to the
 * period of the newest order in the graph (periods without sales are zeros, not gaps), forecast by the method its
 * backtest chose ({@link Forecaster}). The first forecast period is the one after the newest order.
 */
@Service
public class SalesForecasts {

    /** Forecasts kept for asking again, the least recently asked dropped first. */
    static final int CACHE_SIZE = 2_000;
    /** How long a kept forecast is served while the orders look unchanged (an edited order line is not seen). */
    static final Duration CACHE_FOR = Duration.ofMinutes(10);

    private record Question(
            ForecastLevel level, String key, ForecastMeasure measure, Granularity granularity, int horizon) {}

    private record Kept(SalesForecast forecast, SalesHistory.Stamp stamp, long at) {}

    private final SalesHistory history;
    // a product's forecast backtests six methods: asked again (a product page, a planner's sheet) it comes from here
    // while the orders' count and newest day are those it was made with, on this instance
    private final Map<Question, Kept> kept = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Question, Kept> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    SalesForecasts(SalesHistory history) {
        this.history = history;
    }

    /**
     * @throws InvalidArgumentException naming {@code input.horizon} out of range, {@code input.key} missing for a
     *     level that needs one, or naming no country, category or product in the graph
     */
    public SalesForecast forecast(
            ForecastLevel level, String key, ForecastMeasure measure, Granularity granularity, int horizon) {
        if (horizon < 1 || horizon > granularity.maxHorizon()) {
            throw InvalidArgumentException.outOfRange(
                    "input.horizon",
                    "horizon must be between 1 and " + granularity.maxHorizon() + " "
                            + granularity.name().toLowerCase() + " periods, was " + horizon);
        }
        String name = level == ForecastLevel.TOTAL ? null : key == null ? null : key.strip();
        if (level != ForecastLevel.TOTAL && (name == null || name.isEmpty())) {
            throw new InvalidArgumentException(
                    ErrorCode.REQUIRED,
                    "input.key",
                    "A " + level.name().toLowerCase() + " forecast needs the " + keyName(level) + " as key.");
        }
        if (!history.known(level, name)) {
            throw InvalidArgumentException.notFound(
                    "input.key", "No " + level.name().toLowerCase() + " has " + keyName(level) + " '" + name + "'.");
        }
        SalesHistory.Stamp stamp = history.stamp();
        Question question = new Question(level, name, measure, granularity, horizon);
        Kept hit = kept.get(question);
        if (hit != null && hit.stamp().equals(stamp) && System.nanoTime() - hit.at() < CACHE_FOR.toNanos()) {
            return hit.forecast();
        }
        SalesForecast forecast = compute(level, name, measure, granularity, horizon, stamp);
        kept.put(question, new Kept(forecast, stamp, System.nanoTime()));
        return forecast;
    }

    private SalesForecast compute(
            ForecastLevel level,
            String name,
            ForecastMeasure measure,
            Granularity granularity,
            int horizon,
            SalesHistory.Stamp stamp) {
        LocalDate newest = stamp.newest().orElse(LocalDate.now(java.time.ZoneOffset.UTC));
        LocalDate last = granularity.start(newest);
        TreeMap<LocalDate, Double> days = history.daily(level, name, measure, stamp);
        refuseFinerThanTheData(days.keySet(), granularity);
        double[] series = series(days, granularity, last);
        Forecaster.Result result = Forecaster.forecast(series, horizon, granularity.season());
        List<SalesForecast.Point> points = new ArrayList<>(horizon);
        for (int k = 0; k < horizon; k++) {
            points.add(new SalesForecast.Point(
                    granularity.plus(last, k + 1L),
                    result.values()[k],
                    result.lower80()[k],
                    result.upper80()[k],
                    result.lower95()[k],
                    result.upper95()[k]));
        }
        return new SalesForecast(
                level,
                name,
                measure,
                granularity,
                result.model(),
                result.intermittent(),
                series.length,
                points,
                result.backtest());
    }

    /** Sale days enough to tell a series recorded per month or per week from one that happens to look so. */
    static final int RESOLUTION_EVIDENCE = 6;

    /**
     * Refuses periods finer than the series was recorded in: sales all on the first of a month are monthly figures
     * (days and weeks between them would be forecast as zeros), sales all on one weekday are weekly ones.
     */
    static void refuseFinerThanTheData(java.util.Set<LocalDate> saleDays, Granularity granularity) {
        if (granularity == Granularity.MONTH || saleDays.size() < RESOLUTION_EVIDENCE) {
            return;
        }
        if (saleDays.stream().allMatch(day -> day.getDayOfMonth() == 1)) {
            throw InvalidArgumentException.outOfRange(
                    "input.granularity",
                    "every sale of this series is on the first of a month (" + saleDays.size()
                            + " days): it was recorded per month; ask for MONTH");
        }
        if (granularity == Granularity.DAY
                && saleDays.stream().map(LocalDate::getDayOfWeek).distinct().count() == 1) {
            throw InvalidArgumentException.outOfRange(
                    "input.granularity",
                    "every sale of this series is on a "
                            + saleDays.iterator().next().getDayOfWeek().name().toLowerCase(java.util.Locale.ROOT) + " ("
                            + saleDays.size()
                            + " days): it was recorded per week; ask for WEEK or MONTH");
        }
    }

    /** Days summed into periods from the period of the first sale to {@code last}, empty periods as zeros. */
    static double[] series(TreeMap<LocalDate, Double> days, Granularity granularity, LocalDate last) {
        if (days.isEmpty()) {
            return new double[0];
        }
        LocalDate first = granularity.start(days.firstKey());
        int length = granularity.between(first, last) + 1;
        if (length <= 0) {
            return new double[0];
        }
        double[] series = new double[length];
        for (Map.Entry<LocalDate, Double> day : days.entrySet()) {
            int index = granularity.between(first, granularity.start(day.getKey()));
            if (index >= 0 && index < length) {
                series[index] += day.getValue();
            }
        }
        return series;
    }

    private static String keyName(ForecastLevel level) {
        return switch (level) {
            case TOTAL -> "nothing";
            case COUNTRY -> "country code";
            case CATEGORY -> "category name";
            case PRODUCT -> "SKU";
        };
    }
}
