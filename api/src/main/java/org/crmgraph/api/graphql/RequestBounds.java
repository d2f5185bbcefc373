package org.crmgraph.api.graphql;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.crmgraph.graph.cypher.TransactionDeadline;
import org.crmgraph.graph.validation.ErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds on a GraphQL request before and while it runs: its body may not exceed {@code crm.graphql.max-request-bytes}
 * (refused with 413 before it is read, or as soon as a body without a length passes the bound), and its database work
 * runs under a deadline of {@code crm.graphql.request-timeout} ({@link TransactionDeadline}), carried to the threads
 * Spring for GraphQL hands work to.
 */
@Configuration(proxyBeanMethods = false)
class RequestBounds {

    static final String DEADLINE_KEY = "crm.transaction-deadline";

    RequestBounds() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new DeadlineAccessor());
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> graphQlRequestBounds(CrmGraphQlProperties properties) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new BoundsFilter(properties));
        registration.addUrlPatterns("/graphql", "/graphql/*");
        // before security: an oversized body is refused before anyone reads it
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    private static final class BoundsFilter extends OncePerRequestFilter {

        private final CrmGraphQlProperties properties;

        BoundsFilter(CrmGraphQlProperties properties) {
            this.properties = properties;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long length = request.getContentLengthLong();
            if (length > properties.maxRequestBytes()) {
                response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                response.setContentType("application/json");
                response.getOutputStream()
                        .write(("{\"errors\":[{\"message\":\"The request body has " + length + " bytes; at most "
                                        + properties.maxRequestBytes()
                                        + " are accepted (crm.graphql.max-request-bytes).\",\"extensions\":{\"code\":\""
                                        + ErrorCode.QUERY_TOO_COMPLEX.name() + "\"}}]}")
                                .getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpServletRequest bounded =
                    length < 0 ? new LimitedBodyRequest(request, properties.maxRequestBytes()) : request;
            var timeout = properties.requestTimeout();
            if (timeout.isZero() || timeout.isNegative()) {
                chain.doFilter(bounded, response);
                return;
            }
            try {
                TransactionDeadline.within(timeout, () -> {
                    try {
                        chain.doFilter(bounded, response);
                        return null;
                    } catch (IOException | ServletException e) {
                        throw new FilterFailure(e);
                    }
                });
            } catch (FilterFailure e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw (ServletException) e.getCause();
            }
        }
    }

    private static final class FilterFailure extends RuntimeException {
        FilterFailure(Exception cause) {
            super(cause);
        }
    }

    /** Lets Spring for GraphQL carry the deadline to the threads that run data fetchers and batch loaders. */
    private static final class DeadlineAccessor implements ThreadLocalAccessor<Long> {

        @Override
        public Object key() {
            return DEADLINE_KEY;
        }

        @Override
        public @Nullable Long getValue() {
            return TransactionDeadline.current();
        }

        @Override
        public void setValue(Long value) {
            TransactionDeadline.restore(value);
        }

        @Override
        public void setValue() {
            TransactionDeadline.restore(null);
        }
    }
}
