package org.crmgraph.api.security;

import java.util.Optional;
import org.crmgraph.graph.security.ApiKey;
import org.crmgraph.graph.security.ApiKeyStore;
import org.springframework.stereotype.Component;

/**
 * Revokes a key in the graph and drops it from this instance's cache, so it stops working here at once
 * (other instances stop trusting it within {@code crm.security.key-cache-seconds}).
 */
@Component
public class ApiKeyRevocation {

    private final ApiKeyStore keys;
    private final ApiKeyVerifier verifier;

    ApiKeyRevocation(ApiKeyStore keys, ApiKeyVerifier verifier) {
        this.keys = keys;
        this.verifier = verifier;
    }

    /** The revoked key, or empty when no key has that id. */
    public Optional<ApiKey> revoke(String id, String revokedBy) {
        Optional<ApiKey> revoked = keys.revoke(id, revokedBy);
        revoked.ifPresent(key -> verifier.forget(key.id()));
        return revoked;
    }
}
