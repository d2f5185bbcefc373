package org.crmgraph.api.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.crmgraph.analytics.AnalyticsStep;
import org.crmgraph.analytics.refresh.AnalyticsRefresh;
import org.crmgraph.analytics.refresh.RefreshReport;
import org.springframework.stereotype.Component;

/** {@code analytics [--steps a,b]}: the whole analytics refresh (or some steps) on the configured Neo4j. */
@Component
class AnalyticsCommand implements Command {

    static final String USAGE = """
            usage: java -jar api.jar analytics [--steps metrics,segments,similarity,churn,forecasts] [--crm.x=y ...]

              --steps S   only these steps, run in their natural order (default: all of them)
              --crm.x=y   any service setting, e.g. --crm.analytics.segments=6, --crm.analytics.churn-days=60,
                          --spring.neo4j.uri=neo4j://host:7687 to refresh an external Neo4j

            Writes metrics, lifetime values, segments, similarities, communities, churn scores and forecasts to the
            graph and prints the time each step took. Exit status: 0 done; 1 a step failed; 2 wrong arguments; 3 the database could not be opened.""";

    private final AnalyticsRefresh refresh;

    AnalyticsCommand(AnalyticsRefresh refresh) {
        this.refresh = refresh;
    }

    @Override
    public String name() {
        return "analytics";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Set<AnalyticsStep> steps = EnumSet.allOf(AnalyticsStep.class);
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).equals("--steps") && i + 1 < arguments.size()) {
                steps = EnumSet.noneOf(AnalyticsStep.class);
                for (String name : arguments.get(++i).split(",")) {
                    try {
                        steps.add(AnalyticsStep.valueOf(name.trim().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        return usage(
                                err,
                                "unknown step " + name + "; the steps are "
                                        + Arrays.stream(AnalyticsStep.values())
                                                .map(s -> s.name().toLowerCase(Locale.ROOT))
                                                .toList());
                    }
                }
            } else {
                return usage(err, "unexpected argument " + arguments.get(i));
            }
        }
        try {
            RefreshReport report = refresh.refresh(
                    steps,
                    step -> out.printf(
                            Locale.ROOT,
                            "  %-10s %7.1f s  %s%n",
                            step.step().name().toLowerCase(Locale.ROOT),
                            step.millis() / 1000.0,
                            step.summary()));
            out.printf(Locale.ROOT, "Analytics refresh %s done in %.1f s%n", report.id(), report.millis() / 1000.0);
            return OK;
        } catch (RuntimeException e) {
            err.println("error: the analytics refresh failed: " + e.getMessage());
            return FAILED;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return BAD_ARGUMENTS;
    }
}
