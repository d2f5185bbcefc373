package org.crmgraph.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.crmgraph.graph.validation.ErrorCode;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The caller's rate limit ({@link CallerRateLimiter}) on {@code /graphql} and {@code /ingest/}: over it a request gets
 * 429 with {@code Retry-After} and is never parsed.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final CallerRateLimiter limiter;

    RateLimitFilter(CallerRateLimiter limiter) {
        this.limiter = limiter;
    }

    RateLimitFilter(SecurityProperties.RateLimit settings) {
        this(new CallerRateLimiter(settings));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limiter.enabled()
                || !(request.getRequestURI().startsWith("/graphql")
                        || request.getRequestURI().startsWith("/ingest/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String caller = authentication == null ? request.getRemoteAddr() : authentication.getName();
        long waitNanos = limiter.take(caller, System.nanoTime());
        if (waitNanos > 0) {
            long seconds = CallerRateLimiter.seconds(waitNanos);
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
        return limiter.take(caller, now);
    }
}
