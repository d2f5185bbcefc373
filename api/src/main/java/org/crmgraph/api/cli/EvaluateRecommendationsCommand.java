package org.crmgraph.api.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.crmgraph.analytics.evaluation.EvaluationReport;
import org.crmgraph.analytics.evaluation.RecommendationEvaluation;
import org.springframework.stereotype.Component;

/** {@code evaluate-recommendations [--k 10]}: the offline, time-based evaluation against two baselines. */
@Component
class EvaluateRecommendationsCommand implements Command {

    static final String USAGE = """
            usage: java -jar api.jar evaluate-recommendations [--k 10] [--crm.analytics.evaluation-holdout-days=30]

              --k K   the length of each recommendation list (default 10)

            Hides the purchases of the last holdout days, computes similarity and communities on the earlier ones
            (nothing is written to the graph), and prints HR@K, NDCG@K, precision@K, recall@K and catalogue
            coverage of the graph recommender, global popularity and item co-occurrence.
            Exit status: 0 done; 1 failed (e.g. no orders); 2 wrong arguments; 3 the database could not be opened.""";

    private final RecommendationEvaluation evaluation;

    EvaluateRecommendationsCommand(RecommendationEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public String name() {
        return "evaluate-recommendations";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        int k = 10;
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).equals("--k") && i + 1 < arguments.size()) {
                try {
                    k = Integer.parseInt(arguments.get(++i));
                } catch (NumberFormatException e) {
                    k = 0;
                }
                if (k < 1 || k > 100) {
                    err.println("error: --k must be a whole number from 1 to 100\n" + USAGE);
                    return BAD_ARGUMENTS;
                }
            } else {
                err.println("error: unexpected argument " + arguments.get(i) + "\n" + USAGE);
                return BAD_ARGUMENTS;
            }
        }
        try {
            EvaluationReport report = evaluation.evaluate(k);
            out.print(report.table());
            out.printf(Locale.ROOT, "Evaluated in %.1f s%n", report.millis() / 1000.0);
            return OK;
        } catch (RuntimeException e) {
            err.println("error: the evaluation failed: " + e.getMessage());
            return FAILED;
        }
    }
}
