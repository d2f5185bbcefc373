package org.crmgraph.api.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SecurityGuardsTests {

    private static SecurityGuards guards(boolean enabled, String... profiles) {
        var settings = new SecurityProperties(
                enabled,
                null,
                true,
                10,
                new SecurityProperties.Jwt("roles", "sub", "", "", java.util.Map.of()),
                new SecurityProperties.RateLimit(6000, 200));
        var environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new SecurityGuards(settings, environment);
    }

    @Test
    void securityOffIsAllowedForLocalDevelopmentOnly() {
        assertThatCode(() -> guards(false).afterPropertiesSet()).doesNotThrowAnyException();
        assertThatThrownBy(() -> guards(false, "production").afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("crm.security.enabled=false is for local development only");
        assertThatCode(() -> guards(true, "production").afterPropertiesSet()).doesNotThrowAnyException();
    }

    @Test
    void graphiqlOrIntrospectionSwitchedBackOnInProductionIsRefused() {
        var settings = new SecurityProperties(
                true,
                null,
                true,
                10,
                new SecurityProperties.Jwt("roles", "sub", "", "", java.util.Map.of()),
                new SecurityProperties.RateLimit(6000, 200));
        var environment = new MockEnvironment().withProperty("spring.graphql.schema.introspection.enabled", "true");
        environment.setActiveProfiles("production");
        assertThatThrownBy(() -> new SecurityGuards(settings, environment).afterPropertiesSet())
                .hasMessageContaining("spring.graphql.schema.introspection.enabled=true is refused");
    }

    @Test
    void jwtsWithoutAnAudienceAndIssuerToCheckAreRefusedAtStartUp() {
        var environment = new MockEnvironment()
                .withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://idp.example.org");
        for (var jwt : java.util.List.of(
                new SecurityProperties.Jwt("roles", "sub", "", "", java.util.Map.of()),
                new SecurityProperties.Jwt("roles", "sub", "crm-graph", "", java.util.Map.of()))) {
            var settings =
                    new SecurityProperties(true, null, true, 10, jwt, new SecurityProperties.RateLimit(6000, 200));
            assertThatThrownBy(() -> new SecurityGuards(settings, environment).afterPropertiesSet())
                    .hasMessageContaining("crm.security.jwt.audience and crm.security.jwt.issuer must be set");
        }
        var complete = new SecurityProperties(
                true,
                null,
                true,
                10,
                new SecurityProperties.Jwt("roles", "sub", "crm-graph", "https://idp.example.org", java.util.Map.of()),
                new SecurityProperties.RateLimit(6000, 200));
        assertThatCode(() -> new SecurityGuards(complete, environment).afterPropertiesSet())
                .doesNotThrowAnyException();
    }
}
