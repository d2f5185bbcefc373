package org.crmgraph.api.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.crmgraph.language.classifier.ClassifierReport;
import org.crmgraph.language.classifier.ClassifierTraining;
import org.crmgraph.language.classifier.ClassifierTrainingException;
import org.crmgraph.language.embedding.EmbeddingBackfill;
import org.crmgraph.language.training.TicketClassifierTrainer;
import org.springframework.stereotype.Component;

/** {@code train-classifier [--holdout 0.2] [--epochs 40]}: what the trainTicketClassifier mutation does. */
@Component
class TrainClassifierCommand implements Command {

    static final String USAGE = """
            usage: java -jar api.jar train-classifier [--holdout 0.2] [--epochs 40] [--hidden 256] [--fine-tune-encoder]
                                                      [--crm.x=y ...]

              --holdout H  share of each category's tickets held out to validate (0 to 0.5; default 0.2)
              --epochs N   training passes (default crm.support.classifier-epochs, 40)
              --hidden N   hidden units; 0 trains logistic regression (default crm.support.classifier-hidden, 256)
              --fine-tune-encoder
                           also fine-tune the sentence encoder (MiniLM) on the tickets' own words, on the PyTorch
                           engine (minutes: crm.support.fine-tuning.*); the tuned encoder classifies only when it
                           does better on the held-out tickets than the frozen one, which stays the fallback
              --crm.x=y    any service setting, e.g. --spring.neo4j.uri=neo4j://host:7687

            Trains a new ticket classifier version on the PyTorch engine from the tickets that have a category,
            prints its validation accuracy and macro-F1, and makes it the current one. Exit status: 0 trained;
            1 failed (e.g. too few labelled tickets); 2 wrong arguments; 3 the database could not be opened.""";

    private final TicketClassifierTrainer training;
    private final EmbeddingBackfill backfill;

    TrainClassifierCommand(TicketClassifierTrainer training, EmbeddingBackfill backfill) {
        this.training = training;
        this.backfill = backfill;
    }

    @Override
    public String name() {
        return "train-classifier";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Double holdout = null;
        Integer epochs = null;
        Integer hidden = null;
        boolean fineTune = false;
        try {
            for (int i = 0; i < arguments.size(); i++) {
                String argument = arguments.get(i);
                if (argument.equals("--fine-tune-encoder")) {
                    fineTune = true;
                    continue;
                }
                if (i + 1 >= arguments.size()
                        || !List.of("--holdout", "--epochs", "--hidden").contains(argument)) {
                    return usage(err, "unexpected argument " + argument);
                }
                String value = arguments.get(++i);
                switch (argument) {
                    case "--holdout" -> holdout = Double.parseDouble(value);
                    case "--epochs" -> epochs = Integer.parseInt(value);
                    default -> hidden = Integer.parseInt(value);
                }
            }
        } catch (NumberFormatException e) {
            return usage(err, "not a number: " + e.getMessage());
        }
        try {
            ClassifierReport report = training.train(new ClassifierTraining.Options(holdout, epochs, hidden, fineTune));
            out.printf(
                    Locale.ROOT,
                    "Ticket classifier version %d: %d categories, trained on %d tickets in %.1f s%n",
                    report.version(),
                    report.categories().size(),
                    report.trainSize(),
                    report.trainingMillis() / 1000.0);
            if (report.accuracy() != null) {
                out.printf(
                        Locale.ROOT,
                        "  validation (%d tickets): accuracy %.3f, macro-F1 %.3f (always the commonest category: %.3f)%n",
                        report.validationSize(),
                        report.accuracy(),
                        report.macroF1(),
                        report.majorityBaseline());
            } else {
                out.println("  nothing held out: no validation figures");
            }
            if (report.tunedEncoderAccuracy() != null) {
                out.printf(
                        Locale.ROOT,
                        "  held-out accuracy with the fine-tuned encoder %.3f, with the frozen one %.3f: %s%n",
                        report.tunedEncoderAccuracy(),
                        report.frozenEncoderAccuracy(),
                        report.encoderVersion() == null
                                ? "the frozen encoder stays"
                                : "tuned encoder v" + report.encoderVersion() + " classifies from now on");
            }
            // a command has no background embedding: route the open tickets with the new version now
            out.printf(
                    Locale.ROOT,
                    "  %d open ticket(s) routed%n",
                    backfill.run((done, total) -> {}).ticketsRouted());
            return OK;
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        } catch (ClassifierTrainingException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            err.println("error: training failed: " + e.getMessage());
            return FAILED;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return BAD_ARGUMENTS;
    }
}
