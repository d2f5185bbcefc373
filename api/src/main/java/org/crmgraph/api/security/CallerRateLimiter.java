package org.crmgraph.api.security;

import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A token bucket per caller (API key or JWT subject): {@code burst} requests at once, refilled at
 * {@code requests-per-minute}. One bucket per caller for everything it sends: HTTP requests ({@link RateLimitFilter})
 * and operations over a WebSocket ({@link WebSocketAuthentication}), so a client cannot go past its limit by opening a
 * socket. Buckets are per instance: behind a load balancer the whole cluster allows instances × the rate.
 */
@Component
final class CallerRateLimiter {

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    private static final int MAX_CALLERS = 100_000;

    private final double perNano;
    private final double capacity;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    CallerRateLimiter(SecurityProperties settings) {
        this(settings.rateLimit());
    }

    CallerRateLimiter(SecurityProperties.RateLimit settings) {
        this.perNano = settings.requestsPerMinute() / 60e9;
        this.capacity = Math.max(1, settings.burst());
    }

    /** Whether the limit is on ({@code requests-per-minute} above 0). */
    boolean enabled() {
        return perNano > 0;
    }

    /** 0 when a token was taken (or the limit is off), otherwise how long until one will be there, in nanoseconds. */
    long take(String caller, long now) {
        if (!enabled()) {
            return 0;
        }
        if (buckets.size() >= MAX_CALLERS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(caller, c -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.refilledAt) * perNano);
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / perNano);
        }
    }

    /** Whole seconds until {@code waitNanos} have passed, at least 1: what Retry-After and the error say. */
    static long seconds(long waitNanos) {
        return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }
}
