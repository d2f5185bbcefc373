package org.crmgraph.api.events;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.crmgraph.api.security.Caller;
import org.crmgraph.graph.outbox.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The caller of a request is the actor of the changes it makes ({@link Actor}), in the change log: bound after
 * authentication for the request, and carried to the threads Spring for GraphQL runs data fetchers on.
 */
@Configuration(proxyBeanMethods = false)
class ActorBinding {

    static final String KEY = "crm.actor";

    ActorBinding() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new ActorAccessor());
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> actorOfTheRequest() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Caller caller = Caller.current();
                String before = Actor.bound();
                Actor.restore(caller == null ? null : caller.name());
                try {
                    chain.doFilter(request, response);
                } finally {
                    Actor.restore(before);
                }
            }
        });
        registration.addUrlPatterns("/graphql", "/graphql/*", "/ingest/*");
        // after Spring Security's filters (order -100), which authenticate the caller
        registration.setOrder(0);
        return registration;
    }

    private static final class ActorAccessor implements ThreadLocalAccessor<String> {

        @Override
        public Object key() {
            return KEY;
        }

        @Override
        public @Nullable String getValue() {
            return Actor.bound();
        }

        @Override
        public void setValue(String value) {
            Actor.restore(value);
        }

        @Override
        public void setValue() {
            Actor.restore(null);
        }
    }
}
