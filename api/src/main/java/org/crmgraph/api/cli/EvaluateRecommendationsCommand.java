package org.crmgraph.api.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.crmgraph.analytics.evaluation.EvaluationReport;
import org.crmgraph.analytics.evaluation.RecommendationEvaluation;
import org.springframework.stereotype.Component;

/** {@code evaluate-recommendations}: the offline evaluation against the baselines, on two protocols. */
@Component
class EvaluateRecommendationsCommand implements Command {

    static final String USAGE = """
            usage: java -jar api.jar evaluate-recommendations [--k 10] [--protocol both|temporal|random]
                                                              [--crm.analytics.evaluation-holdout-days=30]

              --k K         the length of each recommendation list (default 10)
              --protocol P  temporal: hide the purchases of the last holdout days; random: hide a random quarter of
                            each customer's products (those with at least four); both (default): one, then the other

            Computes similarity and communities on what is left (nothing is written to the graph), and prints HR@K,
            NDCG@K, precision@K, recall@K and catalogue coverage of the graph recommender and of the baselines:
            global popularity, item co-occurrence, item-kNN, RP3beta and EASE^R (each with the setting that did best
            on a split of the training purchases), then the graph method's ablations.
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
        List<RecommendationEvaluation.Protocol> protocols = List.of(RecommendationEvaluation.Protocol.values());
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).equals("--protocol") && i + 1 < arguments.size()) {
                String protocol = arguments.get(++i).toUpperCase(Locale.ROOT);
                try {
                    protocols = protocol.equals("BOTH")
                            ? List.of(RecommendationEvaluation.Protocol.values())
                            : List.of(RecommendationEvaluation.Protocol.valueOf(protocol));
                } catch (IllegalArgumentException e) {
                    err.println("error: --protocol must be both, temporal or random\n" + USAGE);
                    return BAD_ARGUMENTS;
                }
            } else if (arguments.get(i).equals("--k") && i + 1 < arguments.size()) {
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
            for (RecommendationEvaluation.Protocol protocol : protocols) {
                EvaluationReport report = evaluation.evaluate(k, protocol);
                out.println(protocol.name().toLowerCase(Locale.ROOT) + " protocol");
                out.print(report.table());
                out.printf(Locale.ROOT, "Evaluated in %.1f s%n%n", report.millis() / 1000.0);
            }
            return OK;
        } catch (RuntimeException e) {
            err.println("error: the evaluation failed: " + e.getMessage());
            return FAILED;
        }
    }
}
