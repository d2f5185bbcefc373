package org.crmgraph.api.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;

/**
 * A health indicator that anyone may call as often as they like: it answers from the last check and starts a new one
 * in the background when that is older than {@code maxAge}, one at a time, each cut off after {@code timeout}. So a
 * flood of anonymous probes costs a map lookup each, not an inference or a query, and a hung check turns the
 * component DOWN instead of holding the caller.
 */
public class CachedHealthCheck implements HealthIndicator, DisposableBean, ApplicationListener<ApplicationReadyEvent> {

    private record Checked(Health health, long atNanos) {}

    private final String name;
    private final Supplier<Health> check;
    private final Duration maxAge;
    private final Duration timeout;
    private final AtomicBoolean checking = new AtomicBoolean();
    private final AtomicLong checksRun = new AtomicLong();
    private final ExecutorService worker;
    private volatile @Nullable Checked last;

    public CachedHealthCheck(String name, Supplier<Health> check, Duration maxAge, Duration timeout) {
        this.name = name;
        this.check = check;
        this.maxAge = maxAge;
        this.timeout = timeout;
        this.worker = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("health-" + name).daemon().factory());
    }

    @Override
    public Health health() {
        Checked current = last;
        if (current == null || System.nanoTime() - current.atNanos() > maxAge.toNanos()) {
            refreshInBackground();
        }
        return current == null
                ? Health.unknown().withDetail(name, "first check running").build()
                : current.health();
    }

    /** Starts a check unless one is running; its result is what later calls see. */
    public void refreshInBackground() {
        if (!checking.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().start(() -> {
            try {
                last = new Checked(runWithTimeout(), System.nanoTime());
            } finally {
                checking.set(false);
            }
        });
    }

    /** The first check runs as the service becomes ready, so the first probe already has an answer. */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        refreshInBackground();
    }

    /** How many checks ran since start: what probes cost, for tests and curious operators. */
    public long checksRun() {
        return checksRun.get();
    }

    private Health runWithTimeout() {
        checksRun.incrementAndGet();
        CompletableFuture<Health> running = CompletableFuture.supplyAsync(check, worker);
        try {
            return running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            return Health.down()
                    .withDetail("error", "no answer within " + timeout.toMillis() + " ms")
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Health.down()
                    .withDetail("error", cause.getClass().getSimpleName())
                    .build();
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
