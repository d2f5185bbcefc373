package org.crmgraph.api.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs {@code java -jar api.jar <command> [options]}: the same beans as the service, without the web server, the
 * demo data or a fixed Bolt port (the service may be using 7687). Beans are created lazily, so a command builds only
 * what it uses: an import never loads the language model. Arguments of the form {@code --crm.x=y},
 * {@code --spring.x=y} or {@code --logging.x=y} configure the application as usual; the others belong to the command.
 * A first argument that is neither a command nor an option is a mistake, not a request to start the service.
 */
public final class CommandLine {

    /**
     * What a command is for, in one line, and what it needs besides the graph.
     *
     * @param summary what {@code --help} prints beside its name
     * @param gds     whether it calls Graph Data Science (registering GDS in the embedded DBMS costs seconds)
     * @param scratch whether it runs on a graph of its own: a temporary data folder, removed afterwards, unless the
     *                user names a data folder or an external database
     */
    record Entry(String summary, String usage, boolean gds, boolean scratch) {

        Entry(String summary, String usage, boolean gds) {
            this(summary, usage, gds, false);
        }
    }

    static final Map<String, Entry> COMMANDS = catalogue();
    private static final List<String> SETTINGS = List.of("--crm.", "--spring.", "--logging.", "--server.");

    private CommandLine() {}

    private static Map<String, Entry> catalogue() {
        Map<String, Entry> commands = new LinkedHashMap<>();
        commands.put(
                "import",
                new Entry(
                        "import a CSV or JSON Lines file through a mapping, with a report of rejected rows",
                        ImportCommand.USAGE,
                        false));
        commands.put(
                "analytics",
                new Entry(
                        "refresh metrics, segments, communities, similarities and churn scores",
                        AnalyticsCommand.USAGE,
                        true));
        commands.put(
                "evaluate-recommendations",
                new Entry(
                        "score the recommender on held-out purchases (HR, NDCG...)",
                        EvaluateRecommendationsCommand.USAGE,
                        true));
        commands.put(
                "evaluate-forecasts",
                new Entry(
                        "backtest the sales forecasts on the graph's history (MASE, sMAPE, interval coverage)",
                        EvaluateForecastsCommand.USAGE,
                        false));
        commands.put(
                "evaluate-lifetime-value",
                new Entry(
                        "grade the predicted lifetime value against the run-rate formula on a time split",
                        EvaluateLifetimeValueCommand.USAGE,
                        false));
        commands.put(
                "embed",
                new Entry(
                        "embed the tickets and articles written since their last embedding",
                        EmbedCommand.USAGE,
                        false));
        commands.put(
                "train-classifier",
                new Entry("train the ticket classifier on resolved tickets", TrainClassifierCommand.USAGE, false));
        commands.put(
                "train-sentiment",
                new Entry(
                        "train a sentiment model on labelled messages (e.g. the airline tweets)",
                        TrainSentimentCommand.USAGE,
                        false));
        commands.put(
                "evaluate-support",
                new Entry(
                        "measure support answers on a labelled question set (e.g. BANKING77)",
                        EvaluateSupportCommand.USAGE,
                        false));
        commands.put(
                "resolve-duplicates",
                new Entry(
                        "match every source record with its blocks: merge likely duplicates, queue the uncertain",
                        ResolveDuplicatesCommand.USAGE,
                        false));
        commands.put(
                "evaluate-matching",
                new Entry(
                        "grade identity resolution on a labelled file (e.g. FEBRL) in a scratch graph",
                        EvaluateMatchingCommand.USAGE,
                        false,
                        true));
        commands.put("api-key", new Entry("create, revoke or list API keys", ApiKeyCommand.USAGE, false));
        return Collections.unmodifiableMap(commands);
    }

    /**
     * The exit code when {@code args} ask for a command (or for help, or name no known command), empty when they ask
     * for the service: no arguments, or only options such as {@code --server.port=9090}.
     */
    public static Optional<Integer> dispatch(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return Optional.empty();
        }
        String first = args[0];
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            out.print(overview());
            return Optional.of(Command.OK);
        }
        if (first.startsWith("-")) {
            return Optional.empty();
        }
        if (!COMMANDS.containsKey(first)) {
            err.printf("error: unknown command '%s'%n%n", first);
            err.print(overview());
            return Optional.of(Command.BAD_ARGUMENTS);
        }
        return Optional.of(run(application, args, out, err, context -> {}));
    }

    static String overview() {
        StringBuilder text = new StringBuilder("""
                usage: java -jar api.jar                      start the service (GraphQL, Neo4j Browser)
                       java -jar api.jar <command> [options]  run one command against the graph and exit
                       java -jar api.jar <command> --help     what a command takes

                commands:
                """);
        COMMANDS.forEach((name, entry) -> text.append(String.format("  %-26s %s%n", name, entry.summary())));
        text.append("""

                Settings work as for the service: --crm.data-dir=FOLDER, --spring.neo4j.uri=neo4j://host:7687 ...
                """);
        return text.toString();
    }

    /** @param afterRun sees the context once the command ran, before it closes (tests check what was started) */
    static int run(
            Class<?> application,
            String[] args,
            PrintStream out,
            PrintStream err,
            Consumer<ConfigurableApplicationContext> afterRun) {
        Entry entry = COMMANDS.get(args[0]);
        // as arguments, not default properties: they must override application.yaml (and a user's --crm.x=y overrides
        // them)
        List<String> settings = new ArrayList<>(List.of("--crm.demo-data.enabled=false", "--crm.embedded.bolt-port=0"));
        if (!entry.gds()) {
            settings.add("--crm.embedded.gds=false");
        }
        List<String> arguments = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            (SETTINGS.stream().anyMatch(args[i]::startsWith) && args[i].contains("=") ? settings : arguments)
                    .add(args[i]);
        }
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.println(entry.usage());
            return Command.OK;
        }
        Path scratch = null;
        if (entry.scratch()
                && settings.stream()
                        .noneMatch(s -> s.startsWith("--crm.data-dir=") || s.startsWith("--spring.neo4j.uri="))) {
            try {
                scratch = Files.createTempDirectory("crm-scratch-");
            } catch (IOException e) {
                err.println("error: cannot create a scratch data folder: " + e.getMessage());
                return Command.FAILED;
            }
            settings.add("--crm.data-dir=" + scratch);
            err.println("scratch graph in " + scratch + " (removed afterwards)");
        }
        FirstLoadPreparation.Loaded firstLoad = null;
        if (FirstLoadPreparation.requested(args[0], arguments)) {
            try {
                firstLoad = FirstLoadPreparation.run(settings, arguments, out, err);
            } catch (FirstLoadPreparation.Refused e) {
                err.println("error: " + e.getMessage());
                return e.status();
            } catch (IllegalArgumentException | org.crmgraph.importer.mapping.InvalidMappingException e) {
                // a wrong argument, or a mapping that is not one
                err.println("error: " + e.getMessage());
                err.println(entry.usage());
                return Command.BAD_ARGUMENTS;
            }
        }
        try {
            return runIn(application, args, out, err, afterRun, settings, arguments, firstLoad);
        } finally {
            if (scratch != null) {
                deleteQuietly(scratch);
            }
        }
    }

    private static int runIn(
            Class<?> application,
            String[] args,
            PrintStream out,
            PrintStream err,
            Consumer<ConfigurableApplicationContext> afterRun,
            List<String> settings,
            List<String> arguments,
            FirstLoadPreparation.Loaded firstLoad) {
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(application)
                    // what import --offline did before the database started, for the import command to record
                    .initializers(initialized -> {
                        if (firstLoad != null) {
                            initialized.getBeanFactory().registerSingleton("firstLoad", firstLoad);
                        }
                    })
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .lazyInitialization(true)
                    // a command does its own work and exits: no background embedding or refresh racing it, and the
                    // model loads
                    // only for a command that embeds
                    .properties(Map.of(
                            "logging.level.root",
                            "warn",
                            "logging.level.org.crmgraph",
                            "warn",
                            "spring.main.log-startup-info",
                            "false",
                            "crm.support.embed-in-background",
                            "false",
                            "crm.support.load-model-at-start",
                            "false",
                            "crm.analytics.refresh-after-import",
                            "false",
                            "crm.webhooks.deliver",
                            "false"))
                    .run(settings.toArray(String[]::new));
        } catch (RuntimeException e) {
            err.println("error: cannot open the database: " + databaseProblem(e));
            return Command.UNAVAILABLE;
        }
        try (context) {
            Command command = context.getBeansOfType(Command.class).values().stream()
                    .filter(c -> c.name().equals(args[0]))
                    .findFirst()
                    .orElseThrow();
            int status = command.run(arguments, out, err);
            afterRun.accept(context);
            return status;
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // a leftover in the temporary folder is harmless
                }
            });
        } catch (IOException e) {
            // as above
        }
    }

    /** The store lock is the usual cause: a running service owns the data folder. */
    static String databaseProblem(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            String message = String.valueOf(t.getMessage());
            if (message.contains("lock") || t.getClass().getSimpleName().contains("Lock")) {
                return "the data folder is in use by another process (is the service running on it?). "
                        + "Stop it, or import through the running service (GraphQL startImport).";
            }
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
