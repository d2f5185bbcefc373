package org.crmgraph.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Who may call the API and how much ({@code crm.security.*}). */
@ConfigurationProperties(prefix = "crm.security")
public class SecuritySettings {

    /**
     * Authentication and roles. {@code false} lets every request in as ADMIN: for local development only;
     * the {@code production} profile refuses to start with it.
     */
    private boolean enabled = true;

    /**
     * An admin key to register at start-up, in the form that keys are issued ({@code crm_<12 hex>_<43 chars>}),
     * e.g. from a secret store. Only its hash is stored.
     */
    private String adminKey;

    /**
     * At a start with no active ADMIN key, generate one and print it once (the demo set-up). Off in the
     * {@code production} profile: there, provision {@code admin-key} or run {@code api-key create}.
     */
    private boolean printGeneratedAdminKey = true;

    /** How long a verified key is trusted before the graph is asked again; a revocation on another instance takes effect within it. */
    private int keyCacheSeconds = 10;

    private final Jwt jwt = new Jwt();
    private final RateLimit rateLimit = new RateLimit();

    /**
     * JWT bearer tokens from an identity provider; on when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
     * (or {@code jwk-set-uri}) is set.
     */
    public static class Jwt {
        /** Claim with the caller's roles (a list or a space-separated string of ADMIN, AGENT...). */
        private String rolesClaim = "roles";
        /** Claim that names the caller in the audit trail. */
        private String nameClaim = "sub";

        public String getRolesClaim() {
            return rolesClaim;
        }

        public void setRolesClaim(String rolesClaim) {
            this.rolesClaim = rolesClaim;
        }

        public String getNameClaim() {
            return nameClaim;
        }

        public void setNameClaim(String nameClaim) {
            this.nameClaim = nameClaim;
        }
    }

    /** A token bucket per caller (key id or JWT subject), per instance. */
    public static class RateLimit {
        /** Sustained requests per minute per caller; 0 turns the limit off. */
        private int requestsPerMinute = 6000;
        /** Requests a caller may send at once above the sustained rate. */
        private int burst = 200;

        public int getRequestsPerMinute() {
            return requestsPerMinute;
        }

        public void setRequestsPerMinute(int requestsPerMinute) {
            this.requestsPerMinute = requestsPerMinute;
        }

        public int getBurst() {
            return burst;
        }

        public void setBurst(int burst) {
            this.burst = burst;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getAdminKey() {
        return adminKey;
    }

    public void setAdminKey(String adminKey) {
        this.adminKey = adminKey;
    }

    public boolean isPrintGeneratedAdminKey() {
        return printGeneratedAdminKey;
    }

    public void setPrintGeneratedAdminKey(boolean printGeneratedAdminKey) {
        this.printGeneratedAdminKey = printGeneratedAdminKey;
    }

    public int getKeyCacheSeconds() {
        return keyCacheSeconds;
    }

    public void setKeyCacheSeconds(int keyCacheSeconds) {
        this.keyCacheSeconds = keyCacheSeconds;
    }

    public Jwt getJwt() {
        return jwt;
    }

    public RateLimit getRateLimit() {
        return rateLimit;
    }
}
