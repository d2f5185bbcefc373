package org.crmgraph.api.browser;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Neo4j Browser fetches fonts, guides and usage analytics from outside hosts unless told not to, and
 * Neo4j 2026 no longer has the server setting that told it. A content security policy on Browser's
 * pages lets the analyst's browser talk only to this service and to Bolt on the loopback address,
 * so no customer query or usage data leaves the machine.
 */
@Component
@ConditionalOnExpression("'${spring.neo4j.uri:}'.isEmpty()")
class BrowserPrivacyFilter extends OncePerRequestFilter {

    static final String POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; "
            + "font-src 'self' data:; "
            + "worker-src 'self' blob:; "
            + "connect-src 'self' ws://127.0.0.1:* ws://localhost:* http://127.0.0.1:* http://localhost:*";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/browser");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", POLICY);
        chain.doFilter(request, response);
    }
}
