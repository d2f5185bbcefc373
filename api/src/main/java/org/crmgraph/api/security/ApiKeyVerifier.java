package org.crmgraph.api.security;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.crmgraph.graph.security.ApiKey;
import org.crmgraph.graph.security.ApiKeyStore;
import org.springframework.stereotype.Component;

/**
 * Verifies presented keys against the graph, remembering a good one for {@code key-cache-seconds} so a
 * busy client costs no graph read per request. Only verified keys are cached: a flood of made-up keys
 * reaches the graph each time but fills no memory.
 */
@Component
class ApiKeyVerifier {

    private record Verified(ApiKey key, long until) {}

    private static final int MAX_CACHED = 10_000;

    private final ApiKeyStore store;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Verified> cache = new ConcurrentHashMap<>();

    ApiKeyVerifier(ApiKeyStore store, SecurityProperties settings) {
        this.store = store;
        this.ttlNanos = settings.keyCacheSeconds() * 1_000_000_000L;
    }

    Optional<ApiKey> verify(String presented) {
        long now = System.nanoTime();
        Verified cached = cache.get(presented);
        if (cached != null && now - cached.until() < 0) {
            return Optional.of(cached.key());
        }
        Optional<ApiKey> key = store.verify(presented);
        if (key.isPresent() && ttlNanos > 0) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(presented, new Verified(key.get(), now + ttlNanos));
        } else {
            cache.remove(presented);
        }
        return key;
    }

    /** A revocation on this instance takes effect at once. */
    void forget(String keyId) {
        cache.values().removeIf(v -> v.key().id().equals(keyId));
    }
}
