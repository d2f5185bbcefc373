package org.crmgraph.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class RateLimitFilterTests {

    private static RateLimitFilter filter(int perMinute, int burst) {
        return new RateLimitFilter(new SecurityProperties.RateLimit(perMinute, burst));
    }

    @Test
    void aCallerGetsTheBurstThenWaitsForTheRefill() {
        RateLimitFilter limit = filter(60, 3);
        long t = 0;
        assertThat(limit.take("a", t)).isZero();
        assertThat(limit.take("a", t)).isZero();
        assertThat(limit.take("a", t)).isZero();
        // one per second: the fourth must wait a second
        assertThat(limit.take("a", t)).isEqualTo(1_000_000_000L);
        // another caller has its own bucket
        assertThat(limit.take("b", t)).isZero();
        assertThat(limit.take("a", t + 1_000_000_000L)).isZero();
        assertThat(limit.take("a", t + 1_000_000_000L)).isPositive();
        // refill stops at the burst
        long later = t + 3600_000_000_000L;
        for (int i = 0; i < 3; i++) {
            assertThat(limit.take("a", later)).isZero();
        }
        assertThat(limit.take("a", later)).isPositive();
    }

    @Test
    void overTheLimitAGraphQlRequestGets429WithRetryAfterAndAGraphQlError() throws Exception {
        RateLimitFilter limit = filter(60, 1);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("key:1", "", "ROLE_AGENT"));
        try {
            var first = new MockHttpServletResponse();
            var chain = new MockFilterChain();
            limit.doFilter(new MockHttpServletRequest("POST", "/graphql"), first, chain);
            assertThat(first.getStatus()).isEqualTo(200);
            assertThat(chain.getRequest()).isNotNull();

            var second = new MockHttpServletResponse();
            var blocked = new MockFilterChain();
            limit.doFilter(new MockHttpServletRequest("POST", "/graphql"), second, blocked);
            assertThat(second.getStatus()).isEqualTo(429);
            assertThat(second.getHeader("Retry-After")).isEqualTo("1");
            assertThat(second.getContentAsString()).contains("\"code\":\"RATE_LIMITED\"", "retry after 1 s");
            assertThat(blocked.getRequest())
                    .as("the request never reaches GraphQL")
                    .isNull();

            // static pages and health are not counted
            var health = new MockHttpServletResponse();
            limit.doFilter(new MockHttpServletRequest("GET", "/actuator/health"), health, new MockFilterChain());
            assertThat(health.getStatus()).isEqualTo(200);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void zeroTurnsTheLimitOff() throws Exception {
        RateLimitFilter limit = filter(0, 1);
        for (int i = 0; i < 5; i++) {
            var response = new MockHttpServletResponse();
            limit.doFilter(new MockHttpServletRequest("POST", "/graphql"), response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }
}
