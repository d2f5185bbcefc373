package org.crmgraph.api.security;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** Settings that must never reach production, refused at start-up rather than discovered later. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityGuards implements InitializingBean {

    static final String PRODUCTION = "production";

    private final SecurityProperties settings;
    private final Environment environment;

    SecurityGuards(SecurityProperties settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        boolean jwtOn = java.util.stream.Stream.of("issuer-uri", "jwk-set-uri", "public-key-location")
                .anyMatch(p -> environment.containsProperty("spring.security.oauth2.resourceserver.jwt." + p));
        if (jwtOn
                && (settings.jwt().audience().isBlank()
                        || settings.jwt().issuer().isBlank())) {
            throw new IllegalStateException("JWT bearer tokens are on, so crm.security.jwt.audience and "
                    + "crm.security.jwt.issuer must be set: without them a token the identity provider issued for any "
                    + "other application would be accepted here");
        }
        if (!environment.acceptsProfiles(Profiles.of(PRODUCTION))) {
            return;
        }
        if (!settings.enabled()) {
            throw new IllegalStateException("crm.security.enabled=false is for local development only; "
                    + "the production profile needs security on");
        }
        for (String setting :
                new String[] {"spring.graphql.graphiql.enabled", "spring.graphql.schema.introspection.enabled"}) {
            if (environment.getProperty(setting, Boolean.class, false)) {
                throw new IllegalStateException(setting + "=true is refused in the production profile");
            }
        }
    }
}
