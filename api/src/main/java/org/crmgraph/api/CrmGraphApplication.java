package org.crmgraph.api;

import org.crmgraph.api.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The CRM graph service. Scans all {@code org.crmgraph} modules so graph-model, import and algorithms
 * contribute their beans. With a command as first argument ({@code import ...}) it runs that command
 * against the configured Neo4j instead of serving, and exits; an unknown first word prints the commands and exits 2.
 */
@SpringBootApplication(scanBasePackages = "org.crmgraph")
public class CrmGraphApplication {

    public static void main(String[] args) {
        var command = CommandLine.dispatch(CrmGraphApplication.class, args, System.out, System.err);
        if (command.isPresent()) {
            System.exit(command.get());
        }
        SpringApplication.run(CrmGraphApplication.class, args);
    }
}
