package org.crmgraph.api.security;

import java.util.Map;
import org.crmgraph.graph.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the API and how much ({@code crm.security.*}).
 *
 * @param enabled                authentication and roles; {@code false} lets every request in as ADMIN, for local
 *                               development only (the {@code production} profile refuses to start with it)
 * @param adminKey               an admin key to register at start-up, in the form keys are issued
 *                               ({@code crm_<12 hex>_<43 chars>}), e.g. from a secret store; only its hash is stored
 * @param printGeneratedAdminKey at a start with no active ADMIN key, generate one and print it once (the demo set-up);
 *                               off in the {@code production} profile: there, provision {@code admin-key} or run
 *                               {@code api-key create}
 * @param keyCacheSeconds        how long a verified key is trusted before the graph is asked again; a revocation on
 *                               another instance takes effect within it
 * @param jwt                    JWT bearer tokens from an identity provider
 * @param rateLimit              a token bucket per caller
 */
@ConfigurationProperties(prefix = "crm.security")
public record SecurityProperties(
        @DefaultValue("true") boolean enabled,
        @Nullable String adminKey,
        @DefaultValue("true") boolean printGeneratedAdminKey,
        @DefaultValue("10") int keyCacheSeconds,
        @DefaultValue Jwt jwt,
        @DefaultValue RateLimit rateLimit) {

    /**
     * JWT bearer tokens; on when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri})
     * is set.
     *
     * @param rolesClaim claim with the caller's roles (a list or a space-separated string)
     * @param nameClaim  claim that names the caller in the audit trail
     * @param audience   the {@code aud} a token must carry to be accepted here (required when JWTs are on: a token
     *                   the identity provider issued for another application is refused)
     * @param issuer     the {@code iss} a token must carry (required when JWTs are on)
     * @param roles      which value of the roles claim grants which CRM role, e.g. {@code crm-admins: ADMIN};
     *                   matched exactly, and a value not listed grants nothing
     */
    public record Jwt(
            @DefaultValue("roles") String rolesClaim,
            @DefaultValue("sub") String nameClaim,
            @DefaultValue("") String audience,
            @DefaultValue("") String issuer,
            @DefaultValue Map<String, Role> roles) {

        public Jwt {
            roles = roles == null ? Map.of() : Map.copyOf(roles);
        }
    }

    /**
     * A token bucket per caller (key id or JWT subject), per instance.
     *
     * @param requestsPerMinute sustained requests per minute per caller; 0 turns the limit off
     * @param burst             requests a caller may send at once above the sustained rate
     */
    public record RateLimit(
            @DefaultValue("6000") int requestsPerMinute,
            @DefaultValue("200") int burst) {}
}
