package org.crmgraph.api.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.crmgraph.language.sentiment.SentimentBackfill;
import org.crmgraph.language.sentiment.SentimentModelReport;
import org.crmgraph.language.sentiment.SentimentTraining;
import org.crmgraph.language.sentiment.SentimentTrainingException;
import org.springframework.stereotype.Component;

/** {@code train-sentiment --dataset F [--text-column C] [--label-column C]}: see {@link #USAGE}. */
@Component
class TrainSentimentCommand implements Command {

    static final String USAGE = """
            usage: java -jar api.jar train-sentiment --dataset <csv> [--text-column text] [--label-column sentiment]
                                                     [--crm.x=y ...]

              --dataset F       a CSV file with a header: one labelled message per row
              --text-column C   the column of the message (default text)
              --label-column C  the column of its label: negative, neutral or positive, any case (default sentiment)
              --crm.x=y         any service setting, e.g. --crm.sentiment.epochs=40 or --spring.neo4j.uri=neo4j://host:7687

            Embeds the messages, trains a new sentiment model version on the PyTorch engine from all but a held-out
            share of each label (crm.sentiment.holdout, 0.2), prints its accuracy and macro-F1 on the held-out
            messages beside the default model's, makes it the current one, and reads the sentiment of every ticket
            and interaction again with it. Exit status: 0 trained; 1 failed (e.g. only one label in the file); 2 wrong
            arguments or a bad file (the row and column are named); 3 the database could not be opened.""";

    private final SentimentTraining training;
    private final SentimentBackfill backfill;

    TrainSentimentCommand(SentimentTraining training, SentimentBackfill backfill) {
        this.training = training;
        this.backfill = backfill;
    }

    @Override
    public String name() {
        return "train-sentiment";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Path dataset = null;
        String textColumn = "text";
        String labelColumn = "sentiment";
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (i + 1 >= arguments.size()
                    || !List.of("--dataset", "--text-column", "--label-column").contains(argument)) {
                return usage(err, "unexpected argument " + argument);
            }
            String value = arguments.get(++i);
            switch (argument) {
                case "--dataset" -> dataset = Path.of(value);
                case "--text-column" -> textColumn = value;
                default -> labelColumn = value;
            }
        }
        if (dataset == null) {
            return usage(err, "--dataset is required");
        }
        try {
            long started = System.nanoTime();
            SentimentModelReport report = training.train(
                    dataset,
                    textColumn,
                    labelColumn,
                    (done, total) -> err.printf(Locale.ROOT, "\rembedding messages: %d / %d", done, total));
            err.println();
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "Sentiment model version %d: labels %s, trained on %d messages of %s in %.1f s (%.0f messages/s in all)%n",
                    report.version(),
                    report.labels(),
                    report.trainSize(),
                    report.dataset(),
                    seconds,
                    (report.trainSize() + report.validationSize()) / seconds);
            if (report.accuracy() != null) {
                out.printf(
                        Locale.ROOT,
                        "  validation (%d messages): accuracy %.3f, macro-F1 %.3f%n"
                                + "  default model (example sentences) on the same messages: accuracy %.3f, macro-F1 %.3f%n"
                                + "  always the commonest label: accuracy %.3f%n",
                        report.validationSize(),
                        report.accuracy(),
                        report.macroF1(),
                        report.defaultAccuracy(),
                        report.defaultMacroF1(),
                        report.majorityBaseline());
            } else {
                out.println("  nothing held out: no validation figures");
            }
            // a command has no background pass: read the messages again with the new version now
            SentimentBackfill.Report read = backfill.run();
            out.printf(
                    Locale.ROOT,
                    "  sentiment read again for %d ticket(s) and %d interaction(s)%n",
                    read.tickets(),
                    read.interactions());
            return OK;
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        } catch (SentimentTrainingException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("error: cannot read " + dataset + ": " + e.getMessage());
            return BAD_ARGUMENTS;
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
