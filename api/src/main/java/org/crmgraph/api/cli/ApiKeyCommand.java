package org.crmgraph.api.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.crmgraph.api.security.ApiKeyRevocation;
import org.crmgraph.graph.security.ApiKey;
import org.crmgraph.graph.security.ApiKeyStore;
import org.crmgraph.graph.security.AuditTrail;
import org.crmgraph.graph.security.Role;
import org.springframework.stereotype.Component;

/**
 * {@code api-key create|revoke|list}: key management for whoever can open the database, e.g. to get a
 * first admin key in production, or a new one when the printed key is lost.
 */
@Component
class ApiKeyCommand implements Command {

    static final String ACTOR = "command-line";
    static final String USAGE = """
            usage: java -jar api.jar api-key create --name NAME --role ROLE [--crm.x=y ...]
                   java -jar api.jar api-key revoke --id ID
                   java -jar api.jar api-key list [--all]

              --role   ADMIN, DATA_STEWARD, AGENT, ANALYST or READ_ONLY
              --all    list revoked keys too

            Run it with the service stopped (embedded) or against the external Neo4j (--spring.neo4j.uri=...).
            A created key is printed once; only its hash is stored. Exit status: 0 done; 1 no such key;
            2 wrong arguments; 3 the database could not be opened.""";

    private final ApiKeyStore keys;
    private final ApiKeyRevocation revocation;
    private final AuditTrail audit;

    ApiKeyCommand(ApiKeyStore keys, ApiKeyRevocation revocation, AuditTrail audit) {
        this.keys = keys;
        this.revocation = revocation;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "api-key";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.isEmpty()) {
            return bad(err, "say create, revoke or list");
        }
        String action = arguments.getFirst();
        Options options;
        try {
            options = Options.parse(arguments.subList(1, arguments.size()));
        } catch (IllegalArgumentException e) {
            return bad(err, e.getMessage());
        }
        switch (action) {
            case "create" -> {
                if (options.name == null || options.name.isBlank()) {
                    return bad(err, "--name is required");
                }
                if (options.role == null) {
                    return bad(err, "--role is required");
                }
                var issued = keys.create(options.name.strip(), options.role, ACTOR);
                audit.record(ACTOR, null, "createApiKey", issued.key().id(), List.of("name", "role"), "OK", null);
                out.println(issued.secret());
                err.printf(
                        Locale.ROOT,
                        "Created key %s (%s) for role %s. It is shown only this once.%n",
                        issued.key().id(),
                        issued.key().name(),
                        issued.key().role());
                return OK;
            }
            case "revoke" -> {
                if (options.id == null) {
                    return bad(err, "--id is required");
                }
                var revoked = revocation.revoke(options.id, ACTOR);
                audit.record(
                        ACTOR,
                        null,
                        "revokeApiKey",
                        options.id,
                        List.of("id"),
                        revoked.isPresent() ? "OK" : "REJECTED",
                        revoked.isPresent() ? null : "NOT_FOUND");
                if (revoked.isEmpty()) {
                    err.println("error: no API key has the id " + options.id);
                    return FAILED;
                }
                out.println("Revoked " + options.id);
                return OK;
            }
            case "list" -> {
                for (ApiKey key : keys.list(options.all)) {
                    out.printf(
                            Locale.ROOT,
                            "%s  %-12s  %-24s  created %s by %s%s%n",
                            key.id(),
                            key.role(),
                            key.name(),
                            key.createdAt(),
                            key.createdBy(),
                            key.active() ? "" : "  REVOKED " + key.revokedAt());
                }
                return OK;
            }
            default -> {
                return bad(err, "unknown action " + action + "; say create, revoke or list");
            }
        }
    }

    private static int bad(PrintStream err, String message) {
        err.println("error: " + message);
        err.println(USAGE);
        return BAD_ARGUMENTS;
    }

    private static final class Options {
        String name;
        Role role;
        String id;
        boolean all;

        static Options parse(List<String> arguments) {
            Options options = new Options();
            for (int i = 0; i < arguments.size(); i++) {
                String argument = arguments.get(i);
                if (argument.equals("--all")) {
                    options.all = true;
                    continue;
                }
                if (i + 1 >= arguments.size()) {
                    throw new IllegalArgumentException("unexpected argument " + argument);
                }
                String value = arguments.get(++i);
                switch (argument) {
                    case "--name" -> options.name = value;
                    case "--id" -> options.id = value;
                    case "--role" -> {
                        try {
                            options.role = Role.valueOf(value.toUpperCase(Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException(
                                    "--role must be one of ADMIN, DATA_STEWARD, AGENT, ANALYST, READ_ONLY, not "
                                            + value);
                        }
                    }
                    default -> throw new IllegalArgumentException("unexpected argument " + argument);
                }
            }
            return options;
        }
    }
}
