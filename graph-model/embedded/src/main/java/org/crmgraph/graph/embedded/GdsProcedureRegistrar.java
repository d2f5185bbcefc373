package org.crmgraph.graph.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded DBMS does not load procedures from a plugins folder, so GDS is registered by hand:
 * the GDS jars list their procedure and function classes in {@code META-INF/services} files,
 * which saves a classpath scan.
 */
final class GdsProcedureRegistrar {

    private static final Logger log = LoggerFactory.getLogger(GdsProcedureRegistrar.class);
    private static final String GDS_PACKAGE = "org.neo4j.gds";

    private GdsProcedureRegistrar() {}

    static void register(GraphDatabaseAPI database) {
        long started = System.nanoTime();
        GlobalProcedures procedures = database.getDependencyResolver().resolveDependency(GlobalProcedures.class);
        ClassLoader loader = GdsProcedureRegistrar.class.getClassLoader();
        List<String> failures = new ArrayList<>();
        int registered = 0;
        for (String name : listed(loader, "org.neo4j.procedure.Procedure")) {
            registered +=
                    attempt(failures, name, () -> procedures.registerProcedure(Class.forName(name, false, loader)));
        }
        for (String name : listed(loader, "org.neo4j.procedure.UserFunction")) {
            registered +=
                    attempt(failures, name, () -> procedures.registerFunction(Class.forName(name, false, loader)));
        }
        for (String name : listed(loader, "org.neo4j.procedure.UserAggregationFunction")) {
            registered += attempt(
                    failures, name, () -> procedures.registerAggregationFunction(Class.forName(name, false, loader)));
        }
        if (registered == 0) {
            throw new IllegalStateException("No Graph Data Science procedures found on the classpath: "
                    + "add org.neo4j.gds:proc and org.neo4j.gds:opengds-extension, or set crm.embedded.gds=false");
        }
        failures.forEach(failure -> log.warn("GDS class not registered: {}", failure));
        log.info(
                "Registered {} GDS procedure/function classes in {} ms",
                registered,
                (System.nanoTime() - started) / 1_000_000);
    }

    private interface Registration {
        void run() throws Exception;
    }

    private static int attempt(List<String> failures, String name, Registration registration) {
        try {
            registration.run();
            return 1;
        } catch (Exception | LinkageError e) {
            failures.add(name + ": " + e.getMessage());
            return 0;
        }
    }

    private static Set<String> listed(ClassLoader loader, String service) {
        Set<String> names = new LinkedHashSet<>();
        try {
            for (URL url : Collections.list(loader.getResources("META-INF/services/" + service))) {
                try (var reader = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    reader.lines()
                            .map(String::strip)
                            .filter(line -> line.startsWith(GDS_PACKAGE))
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + service + " service files", e);
        }
        return names;
    }
}
