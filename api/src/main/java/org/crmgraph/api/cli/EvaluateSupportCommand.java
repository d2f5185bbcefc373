package org.crmgraph.api.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.crmgraph.language.classifier.MulticlassScores;
import org.crmgraph.language.evaluation.LabelledQuestion;
import org.crmgraph.language.evaluation.LabelledQuestions;
import org.crmgraph.language.evaluation.SupportEvaluation;
import org.crmgraph.language.evaluation.SupportEvaluationReport;
import org.springframework.stereotype.Component;

/** {@code evaluate-support --dataset file.csv}: intent accuracy of retrieval and of the classifier, and answer latency. */
@Component
class EvaluateSupportCommand implements Command {

    static final String USAGE = """
            usage: java -jar api.jar evaluate-support --dataset FILE [--holdout 0.2] [--latency-samples 500]
                                                      [--fine-tune-encoder] [--crm.x=y ...]

              --dataset FILE         CSV with a header and the columns text and category, e.g. BANKING77's train.csv
              --holdout H            share of each category held out as questions (default 0.2)
              --latency-samples N    held-out questions asked through the whole answer path to time it (default 500)
              --fine-tune-encoder    train the classifier with encoder fine-tuning (a tenth of the tickets decides
                                     between tuned and frozen) and score the questions with both
              --crm.x=y              any service setting; use --crm.data-dir=FOLDER for a data folder of its own

            Writes the other questions as resolved tickets labelled by category (ids eval-N), embeds them, trains a
            classifier version on them, then scores the held-out questions: nearest-neighbour retrieval through the
            vector index and the classifier, as accuracy and macro-F1. Run it on its own data folder: its tickets
            and classifier would otherwise join the real ones. Exit status: 0 done; 1 failed; 2 wrong arguments;
            3 the database could not be opened.""";

    private final SupportEvaluation evaluation;

    EvaluateSupportCommand(SupportEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public String name() {
        return "evaluate-support";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Path dataset = null;
        double holdout = 0.2;
        int samples = 500;
        boolean fineTune = false;
        try {
            for (int i = 0; i < arguments.size(); i++) {
                String argument = arguments.get(i);
                if (argument.equals("--fine-tune-encoder")) {
                    fineTune = true;
                    continue;
                }
                if (i + 1 >= arguments.size()) {
                    return usage(err, "missing value after " + argument);
                }
                String value = arguments.get(++i);
                switch (argument) {
                    case "--dataset" -> dataset = Path.of(value);
                    case "--holdout" -> holdout = Double.parseDouble(value);
                    case "--latency-samples" -> samples = Integer.parseInt(value);
                    default -> {
                        return usage(err, "unexpected argument " + argument);
                    }
                }
            }
        } catch (NumberFormatException e) {
            return usage(err, "not a number: " + e.getMessage());
        }
        if (dataset == null) {
            return usage(err, "--dataset is required");
        }
        if (!Files.isRegularFile(dataset)) {
            return usage(err, "no such file: " + dataset);
        }
        if (holdout <= 0 || holdout > 0.5 || samples < 0) {
            return usage(err, "--holdout must be above 0 and at most 0.5, --latency-samples at least 0");
        }
        List<LabelledQuestion> questions;
        try {
            questions = LabelledQuestions.read(dataset);
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: cannot read " + dataset + ": " + e.getMessage());
            return FAILED;
        }
        long others = evaluation.otherLabelledTickets();
        if (others > 0) {
            err.printf(
                    Locale.ROOT,
                    "warning: the graph holds %,d other labelled ticket(s); they train the classifier too. "
                            + "Use --crm.data-dir=FOLDER for an evaluation of its own.%n",
                    others);
        }
        try {
            SupportEvaluationReport report = evaluation.run(
                    questions,
                    holdout,
                    samples,
                    fineTune,
                    (phase, count) -> err.printf(Locale.ROOT, "  %s: %,d%n", phase, count));
            print(report, out);
            return OK;
        } catch (RuntimeException e) {
            err.println("error: the evaluation failed: " + e.getMessage());
            return FAILED;
        }
    }

    private static void print(SupportEvaluationReport r, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%,d questions in %d categories: %,d written as resolved tickets, %,d held out%n",
                r.questions(),
                r.categories(),
                r.trainTickets(),
                r.validationQuestions());
        out.printf(Locale.ROOT, "%-34s %9s %9s%n", "intent of the held-out questions", "accuracy", "macro-F1");
        line(out, "retrieval, nearest ticket", r.retrievalTop1());
        line(out, "retrieval, vote of 10 nearest", r.retrievalVote10());
        if (r.classifierReport().tunedEncoderAccuracy() != null) {
            line(out, "classifier, frozen encoder", r.classifierOnFrozenEncoder());
            line(
                    out,
                    r.classifierReport().encoderVersion() == null
                            ? "classifier (tuned encoder lost)"
                            : "classifier, tuned encoder v"
                                    + r.classifierReport().encoderVersion(),
                    r.classifier());
            if (r.tunedRetrievalTop1() != null) {
                line(out, "retrieval, nearest by tuned encoder", r.tunedRetrievalTop1());
                out.printf(
                        Locale.ROOT,
                        "  answers below searched through the %s encoder (nearest ticket on %d held-out training tickets: "
                                + "tuned %.3f, frozen %.3f)%n",
                        r.answersSearchedTunedEncoder() ? "tuned" : "frozen",
                        r.classifierReport().validationSize(),
                        r.classifierReport().tunedRetrievalAccuracy(),
                        r.classifierReport().frozenRetrievalAccuracy());
            }
            out.printf(
                    Locale.ROOT,
                    "  chosen on %d held-out training tickets: tuned %.3f, frozen %.3f%n",
                    r.classifierReport().validationSize(),
                    r.classifierReport().tunedEncoderAccuracy(),
                    r.classifierReport().frozenEncoderAccuracy());
        } else {
            line(out, "classifier v" + r.classifierReport().version() + " (PyTorch)", r.classifier());
        }
        line(out, "always the commonest intent", r.majority());
        out.printf(
                Locale.ROOT,
                "embedding: %.0f sentences/s; all tickets embedded in %.1f s; classifier trained in %.1f s%n",
                r.embeddingSentencesPerSecond(),
                r.backfillMillis() / 1000.0,
                r.classifierReport().trainingMillis() / 1000.0);
        out.printf(
                Locale.ROOT,
                "answerSupportQuery in-process over %d questions: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms%n",
                r.latencySamples(),
                r.latencyP50Millis(),
                r.latencyP90Millis(),
                r.latencyP99Millis());
        r.decisions()
                .forEach((decision, outcome) -> out.printf(
                        Locale.ROOT,
                        "  %-10s %5.1f%% of questions; best source of the right intent in %5.1f%%%n",
                        decision,
                        outcome.share() * 100,
                        outcome.correct() * 100));
    }

    private static void line(PrintStream out, String name, MulticlassScores scores) {
        out.printf(Locale.ROOT, "%-34s %9.3f %9.3f%n", name, scores.accuracy(), scores.macroF1());
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return BAD_ARGUMENTS;
    }
}
