package org.crmgraph.api.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook endpoint for tests: a real HTTP server on the loopback address that keeps every request and answers with
 * the status the test sets. It verifies signatures the way a receiver would, with its own HMAC code.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(
            String event, String delivery, String signature, String body, long receivedAtMillis, int answered) {

        /** The body's {@code "id"}: the event id. */
        public String eventId() {
            var matcher = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
            return matcher.find() ? matcher.group(1) : "";
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            int answer = status.get();
            received.add(new Received(
                    headers.getFirst("X-CRM-Event"),
                    headers.getFirst("X-CRM-Delivery"),
                    headers.getFirst("X-CRM-Signature"),
                    body,
                    System.currentTimeMillis(),
                    answer));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The status every later request is answered with. */
    public void answer(int statusCode) {
        status.set(statusCode);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    /** Waits until {@code which} requests number at least {@code count}; what was received by then. */
    public List<Received> await(Predicate<Received> which, int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> matching = received(which);
            if (matching.size() >= count) {
                return matching;
            }
            Thread.sleep(20);
        }
        return received(which);
    }

    /**
     * Whether {@code signature} ({@code t=...,v1=...}) is the HMAC-SHA256 of {@code "<t>.<body>"} under
     * {@code secret}, made within {@code tolerance} of now: what a receiver checks.
     */
    public static boolean verifies(String secret, String signature, String body, Duration tolerance) {
        String t = null;
        List<String> v1 = new ArrayList<>();
        for (String part : signature.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1.add(kv[1]);
            }
        }
        if (t == null || v1.isEmpty()) {
            return false;
        }
        if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) > tolerance.toSeconds()) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String candidate : v1) {
                if (java.security.MessageDigest.isEqual(expected, HexFormat.of().parseHex(candidate))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
