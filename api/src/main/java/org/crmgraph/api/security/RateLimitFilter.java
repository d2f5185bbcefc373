package org.crmgraph.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import org.crmgraph.graph.validation.ErrorCode;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per authenticated caller on {@code /graphql} and {@code /ingest/}: {@code burst} requests at once, refilled at
 * {@code requests-per-minute}. Over the limit a request gets 429 with {@code Retry-After} and is never
 * parsed. Buckets are per instance: behind a load balancer the whole cluster allows instances × the rate.
 */
final class RateLimitFilter extends OncePerRequestFilter {

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

    RateLimitFilter(SecurityProperties.RateLimit settings) {
        this.perNano = settings.requestsPerMinute() / 60e9;
        this.capacity = Math.max(1, settings.burst());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return perNano <= 0
                || !(request.getRequestURI().startsWith("/graphql")
                        || request.getRequestURI().startsWith("/ingest/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String caller = authentication == null ? request.getRemoteAddr() : authentication.getName();
        long waitNanos = take(caller, System.nanoTime());
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            response.setHeader("Retry-After", Long.toString(seconds));
            JsonErrors.write(
                    response,
                    429,
                    ErrorCode.RATE_LIMITED.name(),
                    "Too many requests for this API key; retry after " + seconds + " s.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** 0 when a token was taken, otherwise how long until one will be there. */
    long take(String caller, long now) {
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
}
