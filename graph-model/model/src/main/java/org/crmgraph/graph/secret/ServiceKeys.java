package org.crmgraph.graph.secret;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.crmgraph.graph.cypher.CypherRunner;

/**
 * Keys the service makes for itself once per database (the cursor seal's, the tombstones' hash key): made by
 * whichever instance asks first and kept in the graph as {@code (:ServiceKey {name})}, so that every instance that
 * shares the database uses the same one (a key per data folder would break behind a load balancer). Whoever can read
 * the graph can read them, and could read the data itself; they only keep API clients from reading or forging what
 * the service hands out, and keep tombstones from being read without the database.
 */
public final class ServiceKeys {

    private static final String KEEP = """
            MERGE (k:ServiceKey {name: $name})
            ON CREATE SET k.key = $key, k.createdAt = datetime()
            RETURN k.key AS key
            """;

    private ServiceKeys() {}

    /** The named 32-byte key, made now if no instance made it before. */
    public static byte[] key(CypherRunner cypher, String name) {
        byte[] candidate = new byte[32];
        new SecureRandom().nextBytes(candidate);
        String kept = cypher.write(
                        KEEP,
                        Map.of("name", name, "key", Base64.getEncoder().encodeToString(candidate)),
                        r -> r.get("key").asString())
                .getFirst();
        return Base64.getDecoder().decode(kept);
    }
}
