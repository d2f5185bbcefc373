package org.crmgraph.api.graphiql;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol: enough to load a page, run JavaScript in it and
 * read the answer, with nothing but the JDK. Started with outgoing connections of its own turned off, so a page that
 * needed the internet would show it.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    HeadlessChromium() throws Exception {
        profile = Files.createTempDirectory("chromium-profile");
        process = new ProcessBuilder(
                        BINARY.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + profile,
                        "--remote-debugging-port=0",
                        "--remote-allow-origins=*",
                        "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException(
                        "Chromium did not start: " + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(100);
        }
        String port = Files.readAllLines(portFile).getFirst().strip();
        HttpClient http = HttpClient.newHttpClient();
        String targets = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String pageSocket = null;
        for (JsonNode target : JSON.readTree(targets)) {
            if ("page".equals(target.path("type").asString())) {
                pageSocket = target.path("webSocketDebuggerUrl").asString();
            }
        }
        socket = http.newWebSocketBuilder()
                .buildAsync(URI.create(pageSocket), new Listener())
                .get(10, TimeUnit.SECONDS);
    }

    /** Opens the address and waits until the page has loaded. */
    void navigate(String url) throws Exception {
        send("Page.enable", Map.of());
        send("Page.navigate", Map.of("url", url));
        waitFor("document.readyState === 'complete'", Duration.ofSeconds(30));
    }

    /** The value of a JavaScript expression in the page (promises are awaited). */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode answer =
                send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (answer.has("exceptionDetails")) {
            throw new IllegalStateException("JavaScript failed: " + answer.path("exceptionDetails"));
        }
        return answer.path("result").path("value");
    }

    /** Waits until a JavaScript condition holds in the page. */
    void waitFor(String condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!evaluate("Boolean(" + condition + ")").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + condition + "; page: "
                        + evaluate("document.body ? document.body.innerText.slice(0, 500) : ''")
                                .asString());
            }
            Thread.sleep(200);
        }
    }

    private JsonNode send(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true)
                .get(10, TimeUnit.SECONDS);
        JsonNode message = answer.get(60, TimeUnit.SECONDS);
        if (message.has("error")) {
            throw new IllegalStateException(method + ": " + message.path("error"));
        }
        return message.path("result");
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = JSON.readTree(partial.toString());
                partial.setLength(0);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> answer =
                            answers.remove(message.path("id").asInt());
                    if (answer != null) {
                        answer.complete(message);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
