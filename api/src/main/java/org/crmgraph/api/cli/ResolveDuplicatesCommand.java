package org.crmgraph.api.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.crmgraph.importer.identity.DuplicateResolution;
import org.springframework.stereotype.Component;

/** {@code resolve-duplicates}: probabilistic identity resolution over every source record in the graph. */
@Component
class ResolveDuplicatesCommand implements Command {

    static final String USAGE = """
            usage: java -jar api.jar resolve-duplicates [--crm.identity.matching.x=y ...]

            Places every source record in its matching blocks, estimates the match model from all candidate pairs,
            then compares each record with its blocks: likely duplicates are merged, uncertain ones queued for
            review (duplicateCandidates), pairs a steward called different left alone. Imports, streaming and
            createCustomer do this for what they write; run it once on a graph written before probabilistic
            matching, or after changing the thresholds. Re-running changes nothing that is already resolved.
            Exit status: 0 done; 1 failed; 2 wrong arguments; 3 the database could not be opened.""";

    private final DuplicateResolution duplicates;

    ResolveDuplicatesCommand(DuplicateResolution duplicates) {
        this.duplicates = duplicates;
    }

    @Override
    public String name() {
        return "resolve-duplicates";
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
        if (!duplicates.enabled()) {
            err.println("error: probabilistic matching is off (crm.identity.matching.enabled=false)");
            return FAILED;
        }
        try {
            DuplicateResolution.Outcome outcome = duplicates.everything();
            out.printf(
                    Locale.ROOT,
                    "%,d source records, %,d candidate pairs compared: %,d customers merged, %,d pairs for review"
                            + " (%.1f s)%n",
                    outcome.records(),
                    outcome.pairsCompared(),
                    outcome.merged(),
                    outcome.queued(),
                    outcome.millis() / 1000.0);
            return OK;
        } catch (RuntimeException e) {
            err.println("error: identity resolution failed: " + e.getMessage());
            return FAILED;
        }
    }
}
