package org.crmgraph.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How soon the service answers GraphQL after launch, on an existing store, three ways: the runnable jar as built
 * ({@code java -jar api/target/api-0.1.0-SNAPSHOT.jar}); the same jar extracted by Spring Boot's jar tools (plain
 * jars in {@code lib/}, no nested-jar class loading); and the extracted jar with a JDK AOT cache trained by one run
 * that exits after the context refresh. Each launch polls {@code POST /graphql {__typename}} and the readiness probe
 * every 50 ms from process start, then stops the service.
 *
 * <pre>./mvnw -pl benchmarks exec:java -Dexec.mainClass=org.crmgraph.benchmarks.StartupBenchmark \
 *     -Dexec.args="--data-dir /tmp/or-store --runs 3"</pre>
 *
 * {@code --data-dir} is copied for every launch, so the store is the same each time (and the original untouched).
 */
public final class StartupBenchmark {

    private static final String KEY = "crm_0123456789ab_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

    record Launch(String mode, double graphQlSeconds, double readySeconds, long rssMiB) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ApiLatencyBenchmark.options(args);
        Path jar = Path.of(options.getOrDefault("jar", "api/target/api-0.1.0-SNAPSHOT.jar"))
                .toAbsolutePath();
        Path store = Path.of(options.getOrDefault("data-dir", "/tmp/or-store")).toAbsolutePath();
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Path work = Files.createTempDirectory("crm-startup-bench");
        Path extracted = work.resolve("app");
        run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", extracted.toString()));
        Path extractedJar = extracted.resolve(jar.getFileName());
        Path cache = extracted.resolve("app.aot");
        System.out.println("Training the AOT cache (one start that exits after the context refresh) ...");
        Path trainingStore = copy(store, work.resolve("training-store"));
        run(command(
                java,
                List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh"),
                extractedJar,
                trainingStore,
                ServiceProcess.freePort(),
                ServiceProcess.freePort()));

        List<Launch> launches = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            launches.add(launch("runnable jar", java, List.of(), jar, store, work));
            launches.add(launch("extracted", java, List.of(), extractedJar, store, work));
            launches.add(
                    launch("extracted + AOT cache", java, List.of("-XX:AOTCache=" + cache), extractedJar, store, work));
        }
        System.out.printf(
                "%n| launch | GraphQL answers after s | ready after s | RSS at ready MiB |%n|---|---|---|---|%n");
        for (Launch l : launches) {
            System.out.printf(
                    "| %s | %.1f | %.1f | %d |%n", l.mode(), l.graphQlSeconds(), l.readySeconds(), l.rssMiB());
        }
    }

    private static Launch launch(String mode, String java, List<String> jvm, Path jar, Path store, Path work)
            throws Exception {
        Path data = copy(store, Files.createTempDirectory(work, "store"));
        int httpPort = ServiceProcess.freePort();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command(java, jvm, jar, data, httpPort, ServiceProcess.freePort()))
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("service.log").toFile())
                .start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            var graphQl = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/graphql"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}"))
                    .build();
            var ready = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness"))
                    .build();
            double answered = await(http, graphQl, process, started);
            double readyAt = await(http, ready, process, started);
            return new Launch(mode, answered, readyAt, rssMiB(process.pid()));
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static double await(HttpClient http, HttpRequest request, Process process, long started) throws Exception {
        long deadline = started + java.time.Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited during start-up");
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - started) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("No answer within 3 minutes");
    }

    private static List<String> command(String java, List<String> jvm, Path jar, Path data, int http, int bolt) {
        List<String> command = new ArrayList<>(List.of(java, "-Xmx2g", "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvm);
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + http,
                "--crm.data-dir=" + data,
                "--crm.embedded.bolt-port=" + bolt,
                "--crm.demo-data.enabled=false",
                "--crm.security.admin-key=" + KEY,
                "--crm.support.embed-in-background=false"));
        return command;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("crm-startup-bench", ".out");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + output);
        }
    }

    private static Path copy(Path from, Path to) throws IOException, InterruptedException {
        run(List.of("cp", "-r", from + "/.", to.toString()));
        return to;
    }

    private static long rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
        return -1;
    }

    private StartupBenchmark() {}
}
