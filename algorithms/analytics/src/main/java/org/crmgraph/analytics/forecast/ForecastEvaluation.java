package org.crmgraph.analytics.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Grades the forecasts on the graph's own history: for the total, the countries, the categories and the products with
 * the most revenue, the last {@code horizon} periods are held out and forecast from the periods before them, by every
 * method and by the automatic choice ({@link Forecaster}, which sees only the earlier periods). Per level it reports
 * each method's mean MASE (against the seasonal naive forecast in-sample: below 1 beats it) and sMAPE, and how often
 * the automatic choice's 80% and 95% intervals held the actual value.
 */
@Service
public class ForecastEvaluation {

    private static final List<ForecastMethod> METHODS = List.of(
            Methods.SEASONAL_NAIVE,
            Methods.SES,
            Methods.DAMPED_HOLT,
            Methods.HOLT_WINTERS,
            Methods.THETA,
            Methods.ARIMA,
            Methods.CROSTON_SBA);
    static final String AUTO = "AUTO (chosen per series)";

    private final SalesHistory history;

    ForecastEvaluation(SalesHistory history) {
        this.history = history;
    }

    /** One level's figures. */
    public record LevelReport(
            ForecastLevel level,
            int series,
            Map<String, double[]> methods,
            double coverage80,
            double coverage95,
            Map<String, Integer> chosen) {}

    public record Report(
            ForecastMeasure measure, Granularity granularity, int horizon, List<LevelReport> levels, long millis) {

        /** As Markdown tables. */
        public String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(
                    Locale.ROOT,
                    "Forecast evaluation: %s per %s, the last %d periods held out%n",
                    measure,
                    granularity.name().toLowerCase(Locale.ROOT),
                    horizon));
            for (LevelReport level : levels) {
                out.append(String.format(
                        Locale.ROOT,
                        "%n%s (%d series; AUTO's intervals held the actual value %.1f%% (80%%) and %.1f%% (95%%) of the"
                                + " time; chose %s)%n%n| method | series | mean MASE | mean sMAPE |%n|---|---|---|---|%n",
                        level.level(),
                        level.series(),
                        100 * level.coverage80(),
                        100 * level.coverage95(),
                        level.chosen()));
                level.methods()
                        .forEach((method, figures) -> out.append(String.format(
                                Locale.ROOT,
                                "| %s | %d | %.3f | %.1f |%n",
                                method,
                                (int) figures[2],
                                figures[0],
                                figures[1])));
            }
            return out.toString();
        }
    }

    public Report evaluate(ForecastMeasure measure, Granularity granularity, int horizon, int perLevel) {
        long started = System.nanoTime();
        LocalDate newest = history.newestOrder()
                .orElseThrow(() -> new IllegalStateException("The graph has no orders to evaluate forecasts on."));
        LocalDate last = granularity.start(newest);
        List<LevelReport> levels = new ArrayList<>();
        for (ForecastLevel level : ForecastLevel.values()) {
            List<String> keys = level == ForecastLevel.TOTAL
                    ? java.util.Collections.singletonList(null)
                    : history.keys(level, perLevel);
            levels.add(evaluate(level, keys, measure, granularity, horizon, last));
        }
        return new Report(measure, granularity, horizon, levels, (System.nanoTime() - started) / 1_000_000);
    }

    private LevelReport evaluate(
            ForecastLevel level,
            List<String> keys,
            ForecastMeasure measure,
            Granularity granularity,
            int horizon,
            LocalDate last) {
        int season = granularity.season();
        Map<String, double[]> sums = new LinkedHashMap<>(); // mase sum, smape sum, series with a MASE, series
        int series = 0;
        int inside80 = 0;
        int inside95 = 0;
        int points = 0;
        Map<String, Integer> chosen = new TreeMap<>();
        for (String key : keys) {
            TreeMap<LocalDate, Double> days = history.daily(level, key, measure);
            double[] y = SalesForecasts.series(days, granularity, last);
            if (y.length < horizon + 4) {
                continue;
            }
            double[] training = Arrays.copyOfRange(y, 0, y.length - horizon);
            double[] actual = Arrays.copyOfRange(y, y.length - horizon, y.length);
            series++;
            for (ForecastMethod method : METHODS) {
                if (method.fits(training.length, season)) {
                    score(
                            sums,
                            method.name(),
                            training,
                            actual,
                            Forecaster.clip(method.forecast(training, horizon, season)),
                            season);
                }
            }
            Forecaster.Result auto = Forecaster.forecast(training, horizon, season);
            score(sums, AUTO, training, actual, auto.values(), season);
            chosen.merge(auto.model(), 1, Integer::sum);
            for (int k = 0; k < horizon; k++) {
                points++;
                if (actual[k] >= auto.lower80()[k] && actual[k] <= auto.upper80()[k]) {
                    inside80++;
                }
                if (actual[k] >= auto.lower95()[k] && actual[k] <= auto.upper95()[k]) {
                    inside95++;
                }
            }
        }
        Map<String, double[]> methods = new LinkedHashMap<>();
        sums.forEach((method, s) ->
                methods.put(method, new double[] {s[2] == 0 ? Double.NaN : s[0] / s[2], s[1] / s[3], s[3]}));
        return new LevelReport(
                level,
                series,
                methods,
                points == 0 ? Double.NaN : (double) inside80 / points,
                points == 0 ? Double.NaN : (double) inside95 / points,
                chosen);
    }

    private static void score(
            Map<String, double[]> sums,
            String method,
            double[] training,
            double[] actual,
            double[] predicted,
            int season) {
        double[] s = sums.computeIfAbsent(method, m -> new double[4]);
        double mase = Accuracy.mase(training, actual, predicted, season);
        if (!Double.isNaN(mase)) {
            s[0] += mase;
            s[2]++;
        }
        s[1] += Accuracy.smape(actual, predicted);
        s[3]++;
    }
}
