package org.crmgraph.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The service jar started as its own process on loopback ports, the way it runs in production. */
final class ServiceProcess implements AutoCloseable {

    /** An admin key registered at start-up: the benchmarks call the API as a real client would, with a key. */
    final String adminKey;

    final int httpPort;
    final int boltPort;
    final Path dataDir;
    private final Process process;
    private final boolean ownsData;

    private final Path jar;
    private final String heap;
    private final List<String> extraArguments;

    private ServiceProcess(
            Process process,
            String adminKey,
            int httpPort,
            int boltPort,
            Path dataDir,
            boolean ownsData,
            Path jar,
            String heap,
            List<String> extraArguments) {
        this.process = process;
        this.jar = jar;
        this.heap = heap;
        this.extraArguments = extraArguments;
        this.adminKey = adminKey;
        this.httpPort = httpPort;
        this.boltPort = boltPort;
        this.dataDir = dataDir;
        this.ownsData = ownsData;
    }

    /** On a new, empty data folder that is deleted on close. */
    static ServiceProcess start(Path jar, String heap, List<String> extraArguments) throws Exception {
        return start(jar, heap, Files.createTempDirectory("crm-bench"), true, extraArguments);
    }

    /** On an existing data folder (e.g. an imported graph), kept on close. */
    static ServiceProcess onData(Path jar, String heap, Path dataDir, List<String> extraArguments) throws Exception {
        return start(jar, heap, dataDir, false, extraArguments);
    }

    private static ServiceProcess start(
            Path jar, String heap, Path dataDir, boolean ownsData, List<String> extraArguments) throws Exception {
        return start(jar, heap, dataDir, ownsData, extraArguments, freePort(), freePort(), generatedKey());
    }

    /**
     * Kills this process with SIGKILL (no shutdown hook, no store flush) and starts the service again on the same
     * data folder, ports and key: what a crashed host and a supervisor's restart do.
     */
    ServiceProcess killAndRestart() throws Exception {
        process.destroyForcibly().waitFor();
        return start(jar, heap, dataDir, ownsData, extraArguments, httpPort, boltPort, adminKey);
    }

    private static ServiceProcess start(
            Path jar,
            String heap,
            Path dataDir,
            boolean ownsData,
            List<String> extraArguments,
            int httpPort,
            int boltPort,
            String adminKey)
            throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(
                    "No service jar at " + jar + "; build it with ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "--enable-native-access=ALL-UNNAMED"));
        // e.g. -Dbench.service-jvm-options="-XX:StartFlightRecording=filename=/tmp/service.jfr" to profile the service
        String jvmOptions = System.getProperty("bench.service-jvm-options", "").strip();
        if (!jvmOptions.isEmpty()) {
            command.addAll(List.of(jvmOptions.split("\\s+")));
        }
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + httpPort,
                "--crm.data-dir=" + dataDir,
                "--crm.embedded.bolt-port=" + boltPort,
                "--crm.demo-data.enabled=false",
                "--crm.security.admin-key=" + adminKey,
                // benchmarks measure the service, not the per-key rate limit
                "--crm.security.rate-limit.requests-per-minute=0",
                "--logging.level.root=warn"));
        command.addAll(extraArguments);
        Path log = dataDir.resolve("service.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        var service =
                new ServiceProcess(process, adminKey, httpPort, boltPort, dataDir, ownsData, jar, heap, extraArguments);
        service.awaitReady(Duration.ofMinutes(3), log);
        return service;
    }

    private static String generatedKey() {
        var random = new java.security.SecureRandom();
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        random.nextBytes(id);
        random.nextBytes(secret);
        return "crm_" + java.util.HexFormat.of().formatHex(id) + "_"
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    String graphQlUrl() {
        return "http://127.0.0.1:" + httpPort + "/graphql";
    }

    /** The embedded Neo4j's credentials, which the service generated into its data folder at its first start. */
    org.neo4j.driver.AuthToken boltAuth() {
        Path file = dataDir.resolve("neo4j-password");
        try {
            return Files.isRegularFile(file)
                    ? org.neo4j.driver.AuthTokens.basic(
                            "neo4j", Files.readString(file).strip())
                    : org.neo4j.driver.AuthTokens.none();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    long residentMemoryBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private void awaitReady(Duration timeout, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness"))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited during start-up; see " + log);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("The service was not ready within " + timeout + "; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        if (ownsData) {
            deleteQuietly(dataDir.toFile());
        }
    }

    private static void deleteQuietly(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteQuietly(child);
            }
        }
        file.delete();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
