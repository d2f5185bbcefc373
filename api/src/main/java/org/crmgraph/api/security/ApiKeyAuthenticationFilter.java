package org.crmgraph.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.crmgraph.graph.cypher.DatabaseFailures;
import org.crmgraph.graph.security.ApiKey;
import org.crmgraph.graph.security.ApiKeyStore;
import org.crmgraph.graph.validation.ErrorCode;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code X-API-Key: <key>} or {@code Authorization: Bearer crm_...}. A bearer token that is
 * not one of our keys is left to the JWT resource server, when one is configured. A key that is
 * presented but wrong is refused here with 401, rather than treated as anonymous.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final ApiKeyVerifier verifier;

    ApiKeyAuthenticationFilter(ApiKeyVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = presentedKey(request);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        java.util.Optional<ApiKey> key;
        try {
            key = verifier.verify(presented);
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            if (!request.getRequestURI().startsWith("/graphql")) {
                // health probes must still answer (and say the database is down) while no key can be checked
                chain.doFilter(request, response);
                return;
            }
            JsonErrors.write(
                    response,
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    ErrorCode.DATABASE_UNAVAILABLE.name(),
                    "The database is not reachable right now; try again shortly.");
            return;
        }
        if (key.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            JsonErrors.write(
                    response,
                    HttpServletResponse.SC_UNAUTHORIZED,
                    ErrorCode.UNAUTHENTICATED.name(),
                    "The API key is not valid: unknown, revoked or mistyped.");
            return;
        }
        authenticate(key.get());
        chain.doFilter(request, response);
    }

    private static void authenticate(ApiKey key) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(key));
        SecurityContextHolder.setContext(context);
    }

    static String presentedKey(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).strip();
            return ApiKeyStore.looksLikeApiKey(token) ? token : null;
        }
        return null;
    }
}
