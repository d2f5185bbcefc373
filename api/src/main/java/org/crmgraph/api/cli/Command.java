package org.crmgraph.api.cli;

import java.io.PrintStream;
import java.util.List;

/** A command-line command, run in a non-web application context against the configured Neo4j. */
public interface Command {

    int OK = 0;
    /** the command ran and failed (a malformed file, an import error) */
    int FAILED = 1;
    /** the arguments were wrong */
    int BAD_ARGUMENTS = 2;
    /** the database could not be opened or reached */
    int UNAVAILABLE = 3;

    /** The word that selects it, e.g. {@code import}. */
    String name();

    String usage();

    int run(List<String> arguments, PrintStream out, PrintStream err);
}
