package org.crmgraph.api.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void acknowledgedWritesSurviveAKillAndTheServiceRestartsOnTheSameStore() throws Exception {
        Files.createDirectories(Path.of("target"));
        Path data = Files.createTempDirectory(Path.of("target"), "crash-");
        int port = ServiceProcess.freePort();
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        ServiceProcess service = ServiceProcess.start(data, port);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; writing.get(); i++) {
                        String email = "durable-" + writer + "-" + i + "@example.com";
                        try {
                            String body = service.post("mutation { createCustomer(input: {name: \\\"Durable " + writer
                                    + " " + i + "\\\", email: \\\"" + email
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
            service.kill();
            writing.set(false);
        } finally {
            writers.shutdownNow();
            writers.awaitTermination(30, TimeUnit.SECONDS);
            service.kill();
        }
        assertThat(acknowledged).as("writes acknowledged before the kill").hasSizeGreaterThan(10);

        long restarting = System.nanoTime();
        try (ServiceProcess restarted = ServiceProcess.start(data, port)) {
            long recoveryMillis = (System.nanoTime() - restarting) / 1_000_000;
            List<String> missing = new ArrayList<>();
            for (String email : List.copyOf(acknowledged)) {
                String body =
                        restarted.post("{ customers(filter: {emailContains: \\\"" + email + "\\\"}) { totalCount } }");
                if (!body.contains("\"totalCount\":1")) {
                    missing.add(email + " " + body);
                }
            }
            assertThat(missing)
                    .as("acknowledged before the kill, missing after the restart")
                    .isEmpty();
            assertThat(
                            restarted.post(
                                    "mutation { createCustomer(input: {name: \\\"After\\\", email: \\\"after@example.com\\\"}) { errors { code } } }"))
                    .contains("\"errors\":[]");
            System.out.printf(
                    "Kill -9 during writes: %d acknowledged writes, all present after the restart; ready again in %d ms%n",
                    acknowledged.size(), recoveryMillis);
        }
    }
}
