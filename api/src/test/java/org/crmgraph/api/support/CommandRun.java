package org.crmgraph.api.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.crmgraph.api.cli.Command;

/** A command run in the test's context, with what it printed. */
record CommandRun(int status, String out, String err) {

    static CommandRun of(List<Command> commands, String name, String... arguments) {
        Command command =
                commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(
                List.of(arguments),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
