package org.crmgraph.api.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.crmgraph.language.embedding.BackfillReport;
import org.crmgraph.language.embedding.EmbeddingBackfill;
import org.springframework.stereotype.Component;

/** {@code embed}: embeds every ticket and article that has no embedding of its current text yet. */
@Component
class EmbedCommand implements Command {

    static final String USAGE = """
            usage: java -jar api.jar embed [--crm.x=y ...]

              --crm.x=y   any service setting, e.g. --crm.support.batch-size=64,
                          --spring.neo4j.uri=neo4j://host:7687 to embed in an external Neo4j

            Embeds the tickets and articles written since their last embedding (the service does this in the
            background after writes and imports; this catches up after imports from the command line), and routes
            open tickets with the current classifier. Exit status: 0 done; 1 failed; 2 wrong arguments; 3 the
            database could not be opened.""";

    private final EmbeddingBackfill backfill;

    EmbedCommand(EmbeddingBackfill backfill) {
        this.backfill = backfill;
    }

    @Override
    public String name() {
        return "embed";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (!arguments.isEmpty()) {
            err.println("error: unexpected argument " + arguments.getFirst());
            err.println(USAGE);
            return BAD_ARGUMENTS;
        }
        try {
            int[] lastDecile = {-1};
            BackfillReport report = backfill.run((done, total) -> {
                int decile = total == 0 ? 10 : done * 10 / total;
                if (decile != lastDecile[0]) {
                    lastDecile[0] = decile;
                    err.printf(Locale.ROOT, "  embedded %,d of %,d%n", done, total);
                }
            });
            out.printf(
                    Locale.ROOT,
                    "Embedded %d ticket(s) and %d article(s) in %.1f s (%.0f sentences/s); %d unchanged; %d open ticket(s) routed%n",
                    report.ticketsEmbedded(),
                    report.articlesEmbedded(),
                    report.millis() / 1000.0,
                    report.sentencesPerSecond(),
                    report.unchanged(),
                    report.ticketsRouted());
            return OK;
        } catch (RuntimeException e) {
            err.println("error: embedding failed: " + e.getMessage());
            return FAILED;
        }
    }
}
