package org.crmgraph.api.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.crmgraph.analytics.forecast.ForecastEvaluation;
import org.crmgraph.analytics.forecast.ForecastMeasure;
import org.crmgraph.analytics.forecast.Granularity;
import org.springframework.stereotype.Component;

/** {@code evaluate-forecasts}: backtests the forecasts on the graph's own history, per level and method. */
@Component
class EvaluateForecastsCommand implements Command {

    static final String USAGE = """
            usage: java -jar api.jar evaluate-forecasts [--measure REVENUE|UNITS|ORDERS] [--granularity WEEK|DAY|MONTH]
                                                        [--horizon 13] [--per-level 50]

              --measure      what to forecast (default REVENUE)
              --granularity  the periods (default WEEK, ISO weeks from Monday)
              --horizon      periods held out at the end of the history and forecast (default 13)
              --per-level    countries, categories and products graded, the largest by revenue (default 50)

            For the total and each graded country, category and product, holds out the last periods, forecasts them
            from the earlier ones with every method and with the automatic choice, and prints per level each method's
            mean MASE (below 1 beats the seasonal naive forecast in-sample) and sMAPE, and how often the automatic
            choice's 80% and 95% intervals held the actual value. Nothing is written to the graph.
            Exit status: 0 done; 1 failed (e.g. no orders); 2 wrong arguments; 3 the database could not be opened.""";

    private final ForecastEvaluation evaluation;

    EvaluateForecastsCommand(ForecastEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public String name() {
        return "evaluate-forecasts";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        ForecastMeasure measure = ForecastMeasure.REVENUE;
        Granularity granularity = Granularity.WEEK;
        int horizon = 13;
        int perLevel = 50;
        try {
            for (int i = 0; i < arguments.size(); i++) {
                String name = arguments.get(i);
                if (i + 1 >= arguments.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = arguments.get(++i).toUpperCase(Locale.ROOT);
                switch (name) {
                    case "--measure" -> measure = ForecastMeasure.valueOf(value);
                    case "--granularity" -> granularity = Granularity.valueOf(value);
                    case "--horizon" -> horizon = Integer.parseInt(value);
                    case "--per-level" -> perLevel = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unexpected argument " + name);
                }
            }
            if (horizon < 1 || horizon > granularity.maxHorizon()) {
                throw new IllegalArgumentException(
                        "--horizon must be from 1 to " + granularity.maxHorizon() + " for " + granularity);
            }
            if (perLevel < 1 || perLevel > 10_000) {
                throw new IllegalArgumentException("--per-level must be from 1 to 10000");
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage() + "\n" + USAGE);
            return BAD_ARGUMENTS;
        }
        try {
            ForecastEvaluation.Report report = evaluation.evaluate(measure, granularity, horizon, perLevel);
            out.print(report.table());
            out.printf(Locale.ROOT, "Evaluated in %.1f s%n", report.millis() / 1000.0);
            return OK;
        } catch (RuntimeException e) {
            err.println("error: the evaluation failed: " + e.getMessage());
            return FAILED;
        }
    }
}
