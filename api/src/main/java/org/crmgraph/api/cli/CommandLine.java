package org.crmgraph.api.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs {@code java -jar api.jar <command> [options]}: the same beans as the service, without the web
 * server, the demo data or a fixed Bolt port (the service may be using 7687). Arguments of the form
 * {@code --crm.x=y}, {@code --spring.x=y} or {@code --logging.x=y} configure the application as usual;
 * the others belong to the command.
 */
public final class CommandLine {

    public static final List<String> COMMANDS = List.of("import", "analytics", "evaluate-recommendations", "embed", "train-classifier", "evaluate-support", "api-key");
    private static final List<String> SETTINGS = List.of("--crm.", "--spring.", "--logging.", "--server.");
    /** An import needs no Graph Data Science: skipping its registration saves seconds of start-up. */
    private static final Map<String, List<String>> COMMAND_SETTINGS = Map.of("import", List.of("--crm.embedded.gds=false"),
            "api-key", List.of("--crm.embedded.gds=false"));

    private CommandLine() {}

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(Class<?> application, String[] args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        // as arguments, not default properties: they must override application.yaml (and a user's --crm.x=y overrides them)
        List<String> settings = new ArrayList<>(List.of("--crm.demo-data.enabled=false", "--crm.embedded.bolt-port=0"));
        settings.addAll(COMMAND_SETTINGS.getOrDefault(args[0], List.of()));
        List<String> arguments = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            (SETTINGS.stream().anyMatch(args[i]::startsWith) && args[i].contains("=") ? settings : arguments).add(args[i]);
        }
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.println(usageOf(args[0]));
            return Command.OK;
        }
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(application)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    // a command does its own work and exits: no background embedding racing it
                    .properties(Map.of("logging.level.root", "warn", "logging.level.org.crmgraph", "warn",
                            "spring.main.log-startup-info", "false", "crm.support.embed-in-background", "false"))
                    .run(settings.toArray(String[]::new));
        } catch (RuntimeException e) {
            err.println("error: cannot open the database: " + databaseProblem(e));
            return Command.UNAVAILABLE;
        }
        try (context) {
            Command command = context.getBeansOfType(Command.class).values().stream()
                    .filter(c -> c.name().equals(args[0])).findFirst().orElseThrow();
            return command.run(arguments, out, err);
        }
    }

    private static String usageOf(String name) {
        return switch (name) {
            case "import" -> ImportCommand.USAGE;
            case "analytics" -> AnalyticsCommand.USAGE;
            case "evaluate-recommendations" -> EvaluateRecommendationsCommand.USAGE;
            case "embed" -> EmbedCommand.USAGE;
            case "train-classifier" -> TrainClassifierCommand.USAGE;
            case "evaluate-support" -> EvaluateSupportCommand.USAGE;
            case "api-key" -> ApiKeyCommand.USAGE;
            default -> "usage: java -jar api.jar " + name;
        };
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
