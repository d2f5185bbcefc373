package org.crmgraph.api.security;

import java.util.Map;
import java.util.Optional;
import org.crmgraph.graph.security.Role;
import org.crmgraph.graph.validation.ErrorCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * GraphQL over WebSocket ({@code graphql-transport-ws}): browsers cannot set headers on a WebSocket, so the handshake
 * is open and the client authenticates in {@code connection_init} with the same credentials as over HTTP,
 * {@code {"Authorization": "Bearer <key or JWT>"}} (or {@code {"X-API-Key": "<key>"}}). Without valid ones the
 * connection is closed with 4401 before any operation; with them every operation on it runs as that caller, under the
 * same field rules and masking as HTTP requests, and counts against the caller's rate limit as an HTTP request does:
 * over it the operation gets a {@code RATE_LIMITED} error instead of running.
 */
@Component
class WebSocketAuthentication implements WebSocketGraphQlInterceptor {

    private static final String BEARER = "Bearer ";

    private final ApiKeyVerifier keys;
    private final ObjectProvider<JwtDecoder> jwtDecoder;
    private final SecurityProperties settings;
    private final CallerRateLimiter rateLimiter;

    WebSocketAuthentication(
            ApiKeyVerifier keys,
            ObjectProvider<JwtDecoder> jwtDecoder,
            SecurityProperties settings,
            CallerRateLimiter rateLimiter) {
        this.keys = keys;
        this.jwtDecoder = jwtDecoder;
        this.settings = settings;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        if (!settings.enabled()) {
            session.getAttributes()
                    .put(FieldAccess.CALLER, new Caller(SecurityConfiguration.DEVELOPMENT_CALLER, Role.ADMIN));
            return Mono.empty();
        }
        Optional<Caller> caller =
                credentials(payload).flatMap(this::authenticate).map(WebSocketAuthentication::caller);
        if (caller.isEmpty()) {
            // Spring for GraphQL closes the connection with 4401 Unauthorized
            return Mono.error(
                    new IllegalStateException("Unauthorized: send a valid API key or token in connection_init"));
        }
        session.getAttributes().put(FieldAccess.CALLER, caller.get());
        return Mono.empty();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest socket
                && socket.getSessionInfo().getAttributes().get(FieldAccess.CALLER) instanceof Caller caller) {
            long waitNanos = settings.enabled() ? rateLimiter.take(caller.name(), System.nanoTime()) : 0;
            if (waitNanos > 0) {
                return Mono.just(rateLimited(request, CallerRateLimiter.seconds(waitNanos)));
            }
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(FieldAccess.CALLER, caller)).build());
        }
        return chain.next(request);
    }

    // the operation is answered without running, as an HTTP request over the limit is
    private static WebGraphQlResponse rateLimited(WebGraphQlRequest request, long seconds) {
        var error = graphql.GraphqlErrorBuilder.newError()
                .message("Too many requests for this API key; retry after " + seconds + " s.")
                .extensions(Map.of("code", ErrorCode.RATE_LIMITED.name(), "retryAfterSeconds", seconds))
                .build();
        var result =
                graphql.ExecutionResultImpl.newExecutionResult().addError(error).build();
        return new WebGraphQlResponse(new org.springframework.graphql.support.DefaultExecutionGraphQlResponse(
                request.toExecutionInput(), result));
    }

    private static Optional<String> credentials(Map<String, Object> payload) {
        if (payload == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, Object> entry : payload.entrySet()) {
            if (!(entry.getValue() instanceof String value) || value.isBlank()) {
                continue;
            }
            if (entry.getKey().equalsIgnoreCase("Authorization") && value.startsWith(BEARER)) {
                return Optional.of(value.substring(BEARER.length()).strip());
            }
            if (entry.getKey().equalsIgnoreCase(ApiKeyAuthenticationFilter.HEADER)) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }

    private Optional<Authentication> authenticate(String token) {
        if (org.crmgraph.graph.security.ApiKeyStore.looksLikeApiKey(token)) {
            return keys.verify(token).map(ApiKeyAuthentication::new);
        }
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(
                    SecurityConfiguration.jwtRoles(settings.jwt()).convert(decoder.decode(token)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Caller caller(Authentication authentication) {
        Role role = Caller.strongest(authentication.getAuthorities());
        return role == null ? null : new Caller(authentication.getName(), role);
    }
}
