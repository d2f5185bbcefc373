package org.crmgraph.api.robustness;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The service is killed (SIGKILL, no shutdown hook) while clients are writing, and started again on the
 * same data folder: the embedded store recovers from its transaction log, every write that was
 * acknowledged is there, and the service takes writes again.
 */
class CrashRecoveryIT {

    private static final String ADMIN_KEY = "crm_00000000a11c_TestAdminKeyTestAdminKeyTestAdminKeyTestAdm";
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void acknowledgedWritesSurviveAKillAndTheServiceRestartsOnTheSameStore() throws Exception {
        Files.createDirectories(Path.of("target"));
        Path data = Files.createTempDirectory(Path.of("target"), "crash-");
        int port = freePort();
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        Process service = start(data, port);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; writing.get(); i++) {
                        String email = "durable-" + writer + "-" + i + "@example.com";
                        try {
                            String body = post(
                                    port,
                                    "mutation { createCustomer(input: {name: \\\"Durable " + writer + " " + i
                                            + "\\\", email: \\\"" + email
                                            + "\\\"}) { customer { id } errors { code } } }");
                            if (body.contains("\"customer\":{\"id\"") && body.contains("\"errors\":[]")) {
                                acknowledged.add(email);
                            }
                        } catch (IOException | InterruptedException killed) {
                            return;
                        }
                    }
                });
            }
            Thread.sleep(6_000);
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            writing.set(false);
        } finally {
            writers.shutdownNow();
            writers.awaitTermination(30, TimeUnit.SECONDS);
            service.destroyForcibly();
        }
        assertThat(acknowledged).as("writes acknowledged before the kill").hasSizeGreaterThan(10);

        long restarting = System.nanoTime();
        Process restarted = start(data, port);
        try {
            long recoveryMillis = (System.nanoTime() - restarting) / 1_000_000;
            List<String> missing = new ArrayList<>();
            for (String email : List.copyOf(acknowledged)) {
                String body =
                        post(port, "{ customers(filter: {emailContains: \\\"" + email + "\\\"}) { totalCount } }");
                if (!body.contains("\"totalCount\":1")) {
                    missing.add(email + " " + body);
                }
            }
            assertThat(missing)
                    .as("acknowledged before the kill, missing after the restart")
                    .isEmpty();
            assertThat(
                            post(
                                    port,
                                    "mutation { createCustomer(input: {name: \\\"After\\\", email: \\\"after@example.com\\\"}) { errors { code } } }"))
                    .contains("\"errors\":[]");
            System.out.printf(
                    "Kill -9 during writes: %d acknowledged writes, all present after the restart; ready again in %d ms%n",
                    acknowledged.size(), recoveryMillis);
        } finally {
            restarted.destroy();
            if (!restarted.waitFor(60, TimeUnit.SECONDS)) {
                restarted.destroyForcibly();
            }
        }
    }

    private String post(int port, String query) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The service in its own JVM, with the test classpath and profile, so it can be killed like a real process. */
    private Process start(Path data, int port) throws Exception {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "org.crmgraph.api.CrmGraphApplication",
                "--spring.profiles.active=test",
                "--server.port=" + port,
                "--crm.data-dir=" + data.toAbsolutePath(),
                "--crm.embedded.bolt-port=0",
                "--logging.level.root=warn");
        Path log = data.resolveSibling(data.getFileName() + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        var ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited during start-up; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The service was not ready within 3 minutes; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
