package org.crmgraph.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One {@code java -jar api.jar <command>} as its own process, as a user runs it: its output, exit status, wall time,
 * peak resident memory ({@code VmHWM}) and CPU time, sampled while it runs.
 */
record CommandProcess(List<String> output, int status, double wallSeconds, long peakRssMiB, double cpuSeconds) {

    /** CPU time over wall time: how many of the machine's cores the process kept busy on average. */
    double coresBusy() {
        return cpuSeconds / wallSeconds;
    }

    /** Runs the jar with {@code -Xmx<heap>} and {@code arguments}; each output line also goes to {@code lines}. */
    static CommandProcess run(Path jar, String heap, List<String> arguments, Consumer<String> lines)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                jar.toString()));
        command.addAll(arguments);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        long[] peakKiB = {0};
        long[] cpuMillis = {0};
        Thread watcher = Thread.ofPlatform().daemon().start(() -> {
            while (process.isAlive()) {
                peakKiB[0] = Math.max(peakKiB[0], highWaterMarkKiB(process.pid()));
                process.info().totalCpuDuration().ifPresent(cpu -> cpuMillis[0] = cpu.toMillis());
                try {
                    process.waitFor(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        List<String> output = new ArrayList<>();
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            out.lines().forEach(line -> {
                output.add(line);
                lines.accept(line);
            });
        }
        int status = process.waitFor();
        watcher.join();
        return new CommandProcess(
                output, status, (System.nanoTime() - started) / 1e9, peakKiB[0] / 1024, cpuMillis[0] / 1000.0);
    }

    /** VmHWM: the process's peak resident set so far (0 once it is gone). */
    private static long highWaterMarkKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return 0;
    }
}
