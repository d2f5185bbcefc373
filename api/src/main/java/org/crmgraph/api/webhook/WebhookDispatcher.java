package org.crmgraph.api.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.crmgraph.graph.background.BackgroundLoop;
import org.crmgraph.graph.lease.Lease;
import org.crmgraph.graph.lease.Leases;
import org.crmgraph.graph.outbox.ChangeLogAdvanced;
import org.crmgraph.graph.outbox.Outbox;
import org.crmgraph.graph.webhook.WebhookDelivery;
import org.crmgraph.graph.webhook.WebhookStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes webhook deliveries, on one instance at a time: the one holding the {@code webhook-delivery} lease turns new
 * change-log events into deliveries and sends those due; the others check now and then whether it is still there and
 * take over once its lease expired. Deliveries live in the graph, so a restart or a {@code kill -9} loses none: what
 * was sent but not yet recorded as delivered is sent again (at least once; receivers drop repeats by event id).
 *
 * <p>An instance with no webhooks registered and nothing pending holds no lease and runs one small query per
 * {@code crm.webhooks.standby-check}; registering a webhook here wakes it at once.
 */
@Component
public class WebhookDispatcher implements SmartLifecycle {

    static final String LEASE = "webhook-delivery";
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int FAN_OUT_BATCH = 500;
    private static final int MAX_ERROR = 300;
    private static final int ROUND_PER_SENDER = 16;

    private final WebhookStore store;
    private final Outbox outbox;
    private final Leases leases;
    private final WebhookBodies bodies;
    private final EndpointGuard guard;
    private final WebhookProperties properties;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;
    private final BackgroundLoop loop;
    private volatile @Nullable Lease lease;
    private long fannedOutTo = -1;
    private long lastPurge = System.nanoTime();

    public WebhookDispatcher(
            WebhookStore store,
            Outbox outbox,
            Leases leases,
            WebhookBodies bodies,
            EndpointGuard guard,
            WebhookProperties properties) {
        this.store = store;
        this.outbox = outbox;
        this.leases = leases;
        this.bodies = bodies;
        this.guard = guard;
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect could lead past the address check
                .executor(senders)
                .build();
        // a failed round (the database away for a moment, or a lease lost mid-way) starts again from the graph
        this.loop = new BackgroundLoop(
                "webhook-dispatcher", this::deliveryRound, properties.pollInterval(), Duration.ZERO, log);
    }

    /** Changes committed here were numbered: look now rather than at the next poll. */
    @EventListener
    void committedHere(ChangeLogAdvanced advanced) {
        // a standby instance is not woken by its writes: it would claim the lease on every commit
        if (lease != null) {
            wake();
        }
    }

    /** Looks for work now (a webhook registered or a delivery replayed here). */
    public void wake() {
        loop.wake();
    }

    /** Whether this instance is the one delivering now. */
    public boolean delivering() {
        Lease held = lease;
        return held != null && held.held();
    }

    @Override
    public void start() {
        if (properties.deliver()) {
            loop.start(Duration.ZERO);
        }
    }

    @Override
    public void stop() {
        loop.stop(properties.timeout().plusSeconds(5));
        releaseLease();
        senders.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** Takes the lease when there is work and nobody holds it, delivers while it has it; the pause before the next. */
    private Duration deliveryRound() {
        Lease held = lease;
        if (held == null || !held.held()) {
            releaseLease();
            if (!store.hasWork()) {
                return properties.standbyCheck();
            }
            held = leases.tryAcquire(LEASE).orElse(null);
            lease = held;
            fannedOutTo = -1;
            if (held == null) {
                return properties.standbyCheck();
            }
        }
        boolean busy = deliverOnce(held);
        if (System.nanoTime() - lastPurge > TimeUnit.HOURS.toNanos(1)) {
            lastPurge = System.nanoTime();
            store.purgeDelivered(properties.retention());
        }
        if (busy) {
            return Duration.ZERO;
        }
        if (!store.hasWork()) {
            releaseLease();
            return properties.standbyCheck();
        }
        return properties.pollInterval();
    }

    /** One round: new events into deliveries, then the due deliveries sent and recorded; whether there was work. */
    boolean deliverOnce(Lease held) {
        boolean busy = false;
        long head = outbox.head();
        if (head > fannedOutTo) {
            int taken;
            do {
                held.ensureHeld();
                taken = store.fanOut(bodies::describe, FAN_OUT_BATCH);
                busy |= taken > 0;
            } while (taken == FAN_OUT_BATCH);
            fannedOutTo = head;
        }
        // a round's database work (fan-out, due, record) is the same for 8 deliveries or 128: large rounds keep up
        // with a busy log, while at most `concurrency` requests are in flight at once
        List<WebhookStore.Due> due = store.due(properties.concurrency() * ROUND_PER_SENDER);
        if (due.isEmpty()) {
            return busy;
        }
        held.ensureHeld();
        Semaphore inFlight = new Semaphore(properties.concurrency());
        List<CompletableFuture<WebhookStore.Attempt>> attempts = new ArrayList<>(due.size());
        for (WebhookStore.Due delivery : due) {
            attempts.add(CompletableFuture.supplyAsync(
                    () -> {
                        inFlight.acquireUninterruptibly();
                        try {
                            return attempt(delivery);
                        } finally {
                            inFlight.release();
                        }
                    },
                    senders));
        }
        List<WebhookStore.Attempt> results = new ArrayList<>(due.size());
        for (var attempt : attempts) {
            results.add(attempt.join());
        }
        store.record(results);
        return true;
    }

    private WebhookStore.Attempt attempt(WebhookStore.Due due) {
        WebhookDelivery delivery = due.delivery();
        Instant at = Instant.now();
        var problem = guard.problem(due.url());
        if (problem.isPresent()) {
            return failed(delivery, at, null, "Refused: " + problem.get());
        }
        long seconds = at.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(due.url()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "crm-graph-webhooks/1")
                .header("X-CRM-Event", delivery.eventType())
                .header("X-CRM-Delivery", delivery.id())
                .header("X-CRM-Signature", WebhookSignature.header(due.secret(), seconds, delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new WebhookStore.Attempt(
                        delivery.id(), WebhookDelivery.Status.DELIVERED, at, status, null, null);
            }
            return failed(delivery, at, status, "The endpoint answered " + status + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(delivery, at, null, "Stopped while sending.");
        } catch (Exception e) {
            return failed(delivery, at, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private WebhookStore.Attempt failed(WebhookDelivery delivery, Instant at, @Nullable Integer status, String error) {
        String shortError = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        int attempts = delivery.attempts() + 1;
        if (attempts >= properties.maxAttempts()) {
            return new WebhookStore.Attempt(delivery.id(), WebhookDelivery.Status.DEAD, at, status, shortError, null);
        }
        return new WebhookStore.Attempt(
                delivery.id(), WebhookDelivery.Status.PENDING, at, status, shortError, at.plus(backoff(attempts)));
    }

    /** The wait after the {@code attempts}-th failed attempt: doubling from the first retry, capped, with jitter. */
    Duration backoff(int attempts) {
        double base = properties.firstRetry().toMillis() * Math.pow(2, Math.min(attempts - 1, 30));
        double capped = Math.min(base, properties.maxRetryDelay().toMillis());
        double jittered = capped * ThreadLocalRandom.current().nextDouble(0.8, 1.2);
        return Duration.ofMillis(
                (long) Math.min(jittered, properties.maxRetryDelay().toMillis()));
    }

    private void releaseLease() {
        Lease held = lease;
        lease = null;
        if (held != null) {
            held.close();
        }
    }
}
