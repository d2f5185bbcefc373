package org.crmgraph.graph.idempotency;

import java.time.Duration;
import java.util.Map;
import org.crmgraph.graph.cypher.CypherRunner;
import org.springframework.stereotype.Component;

/**
 * The first response to each idempotency key, in the graph ({@code (:IdempotentResponse {key})}), so a retry reaching
 * any instance gets it back instead of running the mutation again. A key is claimed before the request runs (one
 * claim wins, under the uniqueness constraint), completed with the response, or released when the request failed
 * before producing one, so that a retry runs it.
 */
@Component
public class IdempotentResponses {

    /** What to do with a request that carries a key. */
    public sealed interface Claim {
        /** Run it: this request holds the key. */
        record Run() implements Claim {}

        /** Answer with the response the first request got. */
        record Replay(String response) implements Claim {}

        /** Refuse it: the key is in use by a running request, or was used for a different request. */
        record Conflict(String reason) implements Claim {}
    }

    private static final String CLAIM = """
            MERGE (r:IdempotentResponse {key: $key})
              ON CREATE SET r.requestHash = $hash, r.state = 'PENDING', r.claimedNow = true,
                            r.pendingUntil = datetime() + duration($pending), r.expiresAt = datetime() + duration($ttl)
            WITH r, coalesce(r.claimedNow, false) AS claimed
            REMOVE r.claimedNow
            WITH r, claimed,
                 r.expiresAt < datetime() OR (r.state = 'PENDING' AND r.pendingUntil < datetime()) AS takeOver
            // an expired record, or a pending one whose request died: this request takes the key over
            FOREACH (_ IN CASE WHEN NOT claimed AND takeOver THEN [1] ELSE [] END |
              SET r.requestHash = $hash, r.state = 'PENDING', r.pendingUntil = datetime() + duration($pending),
                  r.expiresAt = datetime() + duration($ttl), r.response = null)
            RETURN claimed OR takeOver AS run, r.requestHash AS hash, r.state AS state, r.response AS response
            """;
    private static final String COMPLETE = """
            MATCH (r:IdempotentResponse {key: $key, state: 'PENDING'})
            SET r.state = 'DONE', r.response = $response
            """;
    private static final String RELEASE = """
            MATCH (r:IdempotentResponse {key: $key, state: 'PENDING'}) DELETE r
            """;
    private static final String EXPIRED = """
            MATCH (r:IdempotentResponse) WHERE r.expiresAt < datetime()
            WITH r LIMIT 1000
            DELETE r
            """;
    // a response may hold the customer's data; the id is in every response that names them
    private static final String FORGET = """
            MATCH (r:IdempotentResponse) WHERE r.response CONTAINS $customerId
            DELETE r
            """;

    private final CypherRunner cypher;

    public IdempotentResponses(CypherRunner cypher) {
        this.cypher = cypher;
    }

    /**
     * @param key         the caller's key, scoped by the caller (two API keys may use the same value)
     * @param requestHash identifies the request (document, operation, variables): the same key with another request
     *                    is a client bug, refused rather than answered with the wrong response
     * @param ttl         how long a response is replayed
     * @param pending     how long a claim holds before a retry may take it over (the longest a request can run)
     */
    public Claim claim(String key, String requestHash, Duration ttl, Duration pending) {
        return cypher.write(
                        CLAIM,
                        Map.of("key", key, "hash", requestHash, "ttl", ttl.toString(), "pending", pending.toString()),
                        r -> {
                            if (r.get("run").asBoolean()) {
                                return (Claim) new Claim.Run();
                            }
                            if (!r.get("hash").asString().equals(requestHash)) {
                                return new Claim.Conflict(
                                        "This Idempotency-Key was used for a different request; use a new key for a new request.");
                            }
                            if ("DONE".equals(r.get("state").asString())) {
                                return new Claim.Replay(r.get("response").asString());
                            }
                            return new Claim.Conflict(
                                    "A request with this Idempotency-Key is still running; retry in a moment.");
                        })
                .getFirst();
    }

    public void complete(String key, String response) {
        cypher.write(COMPLETE, Map.of("key", key, "response", response));
        cypher.write(EXPIRED, Map.of());
    }

    public void release(String key) {
        cypher.write(RELEASE, Map.of("key", key));
    }

    /** Drops stored responses that mention the customer (erasure). */
    public void forget(String customerId) {
        cypher.write(FORGET, Map.of("customerId", customerId));
    }
}
