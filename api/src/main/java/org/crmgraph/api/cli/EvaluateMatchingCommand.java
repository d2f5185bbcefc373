package org.crmgraph.api.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.crmgraph.importer.ImportProgressListener;
import org.crmgraph.importer.ImportRequest;
import org.crmgraph.importer.ImportService;
import org.crmgraph.importer.identity.MatchingEvaluation;
import org.crmgraph.importer.identity.MatchingProperties;
import org.crmgraph.importer.job.ImportJob;
import org.crmgraph.importer.mapping.EntityType;
import org.crmgraph.importer.mapping.MappingLoader;
import org.springframework.stereotype.Component;

/** {@code evaluate-matching}: identity resolution graded on a labelled file, imported into a scratch graph. */
@Component
class EvaluateMatchingCommand implements Command {

    static final String USAGE = """
            usage: java -jar api.jar evaluate-matching --dataset <file.csv> [--mapping febrl] [--entity-pattern RE]

              --dataset F         a labelled file of person records (FEBRL's dataset3.csv: 5,000 records, 2,000 people)
              --mapping M         the mapping that reads it (default febrl)
              --entity-pattern RE the first group of this regular expression, found in a record's source id, names
                                  the true person (default rec-(\\d+)- : rec-12-org and rec-12-dup-0 are one)

            Imports the file into a scratch graph (a temporary data folder, removed afterwards, unless you give
            --crm.data-dir or --spring.neo4j.uri), with probabilistic matching as configured (thresholds:
            --crm.identity.matching.auto-merge-threshold=0.99 --crm.identity.matching.review-threshold=0.5), and
            prints pairwise precision, recall and F1 for the automatic band and for automatic plus review (as if a
            steward accepted every candidate), the review queue's size and the time identity resolution took.
            The truth is only read to grade: matching never sees it.
            Exit status: 0 done; 1 failed; 2 wrong arguments; 3 the database could not be opened.""";

    private final ImportService imports;
    private final MatchingEvaluation evaluation;
    private final MatchingProperties properties;

    EvaluateMatchingCommand(ImportService imports, MatchingEvaluation evaluation, MatchingProperties properties) {
        this.imports = imports;
        this.evaluation = evaluation;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "evaluate-matching";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Path dataset = null;
        String mapping = "febrl";
        Pattern entity = Pattern.compile("rec-(\\d+)-");
        for (int i = 0; i < arguments.size(); i++) {
            String name = arguments.get(i);
            if (!List.of("--dataset", "--mapping", "--entity-pattern").contains(name)) {
                return usage(err, "unexpected argument " + name);
            }
            if (i + 1 >= arguments.size()) {
                return usage(err, name + " needs a value");
            }
            String value = arguments.get(++i);
            switch (name) {
                case "--dataset" -> dataset = Path.of(value);
                case "--mapping" -> mapping = value;
                default -> {
                    try {
                        entity = Pattern.compile(value);
                    } catch (PatternSyntaxException e) {
                        return usage(err, "--entity-pattern is not a regular expression: " + e.getDescription());
                    }
                }
            }
        }
        if (dataset == null) {
            return usage(err, "--dataset is required");
        }
        if (!Files.isRegularFile(dataset)) {
            return usage(err, "no such file: " + dataset);
        }
        try {
            String source = MappingLoader.load(mapping).source();
            long start = System.nanoTime();
            ImportJob job = imports.run(
                    new ImportRequest(dataset, mapping, EntityType.CUSTOMERS, false, null),
                    ImportProgressListener.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            MatchingEvaluation.Report report = evaluation.grade(source, entity);
            out.printf(
                    Locale.ROOT,
                    "records %,d (graded %,d), true people %,d, customers after matching %,d%n",
                    job.rowsImported(),
                    report.records(),
                    report.entities(),
                    report.customers());
            out.printf(
                    Locale.ROOT,
                    "thresholds: automatic merge >= %.3f, review >= %.3f%n",
                    properties.autoMergeThreshold(),
                    properties.reviewThreshold());
            out.printf(
                    Locale.ROOT,
                    "%-22s %9s %9s %9s %12s %12s%n",
                    "band",
                    "precision",
                    "recall",
                    "F1",
                    "pairs found",
                    "true pairs");
            row(out, "automatic", report.automatic());
            row(out, "automatic + review", report.withReview());
            out.printf(Locale.ROOT, "review queue: %,d candidate pairs%n", report.reviewQueue());
            out.printf(
                    Locale.ROOT,
                    "import %.1f s end to end; identity resolution %.1f s of it (%,d merges)%n",
                    seconds,
                    job.duplicatesMillis() / 1000.0,
                    job.duplicatesMerged());
            return OK;
        } catch (RuntimeException e) {
            err.println("error: the evaluation failed: " + e.getMessage());
            return FAILED;
        }
    }

    private static void row(PrintStream out, String band, MatchingEvaluation.Scores scores) {
        out.printf(
                Locale.ROOT,
                "%-22s %9.4f %9.4f %9.4f %,12d %,12d%n",
                band,
                scores.precision(),
                scores.recall(),
                scores.f1(),
                scores.correctPairs(),
                scores.truePairs());
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return BAD_ARGUMENTS;
    }
}
