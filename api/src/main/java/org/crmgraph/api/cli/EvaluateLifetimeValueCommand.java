package org.crmgraph.api.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.crmgraph.analytics.lifetime.LifetimeValueGrade;
import org.crmgraph.analytics.lifetime.LifetimeValues;
import org.springframework.stereotype.Component;

/** {@code evaluate-lifetime-value}: the predicted lifetime value against the run-rate formula on a time split. */
@Component
class EvaluateLifetimeValueCommand implements Command {

    static final String USAGE = """
            usage: java -jar api.jar evaluate-lifetime-value [--holdout-days 180]

              --holdout-days  the last this many days of orders are hidden and predicted (default 180)

            Fits BG/NBD and Gamma-Gamma on the orders before the hidden days, predicts each earlier customer's spend in
            them, does the same with the run-rate formula (spend so far per day of tenure, at least 90, times the
            hidden days), and prints for both: the share of the top 20% spenders of the hidden days it also ranked in
            its top 20%, the mean absolute error of the predicted spend per customer, and the total's bias.
            Nothing is written to the graph.
            Exit status: 0 done; 1 failed (e.g. too few customers before the cutoff); 2 wrong arguments; 3 the database
            could not be opened.""";

    private final LifetimeValues lifetimeValues;

    EvaluateLifetimeValueCommand(LifetimeValues lifetimeValues) {
        this.lifetimeValues = lifetimeValues;
    }

    @Override
    public String name() {
        return "evaluate-lifetime-value";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        int holdoutDays = 180;
        try {
            for (int i = 0; i < arguments.size(); i++) {
                String name = arguments.get(i);
                if (!name.equals("--holdout-days")) {
                    throw new IllegalArgumentException("unexpected argument " + name);
                }
                if (i + 1 >= arguments.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                holdoutDays = Integer.parseInt(arguments.get(++i));
            }
            if (holdoutDays < 7 || holdoutDays > 3_650) {
                throw new IllegalArgumentException("--holdout-days must be from 7 to 3650");
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage() + "\n" + USAGE);
            return BAD_ARGUMENTS;
        }
        long started = System.nanoTime();
        LifetimeValueGrade grade;
        try {
            grade = lifetimeValues.grade(holdoutDays);
        } catch (RuntimeException e) {
            err.println("error: the evaluation failed: " + e.getMessage());
            return FAILED;
        }
        if (grade == null) {
            err.println("error: too few customers (or repeat buyers) before the cutoff to fit the model");
            return FAILED;
        }
        out.printf(
                Locale.ROOT,
                "Hidden: %d days from %s; %d customers bought before, spent %.2f in them%n",
                grade.holdoutDays(),
                grade.cutoff(),
                grade.customers(),
                grade.actualSpend());
        out.println("Fitted before the cutoff: " + grade.fitted());
        out.printf(Locale.ROOT, "%-22s %14s %16s %12s%n", "method", "top-20% caught", "mean abs. error", "total bias");
        print(out, "BG/NBD + Gamma-Gamma", grade.model());
        print(out, "run-rate formula", grade.formula());
        out.printf(
                Locale.ROOT,
                "Kept: %s%nEvaluated in %.1f s%n",
                grade.formulaWins() ? "the formula (it beat the model on both)" : "the model",
                (System.nanoTime() - started) / 1e9);
        return OK;
    }

    private static void print(PrintStream out, String method, LifetimeValueGrade.Score score) {
        out.printf(
                Locale.ROOT,
                "%-22s %13.1f%% %16.2f %+11.1f%%%n",
                method,
                100 * score.topFifthCaptured(),
                score.meanAbsoluteError(),
                100 * score.totalError());
    }
}
