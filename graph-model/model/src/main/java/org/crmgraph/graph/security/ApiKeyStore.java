package org.crmgraph.graph.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.crmgraph.graph.cypher.CypherRunner;
import org.springframework.stereotype.Repository;

/**
 * API keys in the graph as {@code (:ApiKey {id, name, role, hash, ...})}. A key reads
 * {@code crm_<id>_<secret>}: the id finds the node, the SHA-256 of the whole key must match its hash.
 * The secret has 256 random bits, so a fast hash is enough: there is nothing to guess by brute force,
 * unlike a password, and every request can afford to verify it.
 */
@Repository
public class ApiKeyStore {

    /** Every key starts with this, so a bearer token can be told from a JWT without parsing it. */
    public static final String PREFIX = "crm_";

    private static final Pattern FORMAT = Pattern.compile("crm_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String CREATE = """
            CREATE (k:ApiKey {id: $id, name: $name, role: $role, hash: $hash, createdAt: datetime(), createdBy: $by})
            RETURN k
            """;
    // datetime() is fixed for the whole statement, so only a node created by this MERGE has createdAt equal to it
    private static final String PROVISION = """
            MERGE (k:ApiKey {id: $id})
            ON CREATE SET k.name = $name, k.role = $role, k.hash = $hash, k.createdAt = datetime(), k.createdBy = $by,
                          k.provisioned = true
            RETURN k.hash = $hash AS same, k.createdAt = datetime() AS fresh,
                   k.revokedAt IS NOT NULL AS revoked
            """;
    private static final String REVOKE = """
            MATCH (k:ApiKey {id: $id})
            SET k.revokedAt = coalesce(k.revokedAt, datetime()), k.revokedBy = coalesce(k.revokedBy, $by)
            RETURN k
            """;
    private static final String FIND = "MATCH (k:ApiKey {id: $id}) RETURN k, k.hash AS hash";
    private static final String LIST = """
            MATCH (k:ApiKey)
            WHERE $includeRevoked OR k.revokedAt IS NULL
            RETURN k ORDER BY k.createdAt DESC, k.id
            """;
    private static final String ACTIVE_WITH_ROLE = """
            RETURN EXISTS { MATCH (k:ApiKey {role: $role}) WHERE k.revokedAt IS NULL } AS present
            """;

    private final CypherRunner cypher;

    public ApiKeyStore(CypherRunner cypher) {
        this.cypher = cypher;
    }

    public IssuedApiKey create(String name, Role role, String createdBy) {
        byte[] idBytes = new byte[6];
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(idBytes);
        RANDOM.nextBytes(secretBytes);
        String id = HexFormat.of().formatHex(idBytes);
        String secret =
                PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        ApiKey key = cypher.write(
                        CREATE,
                        Map.of("id", id, "name", name, "role", role.name(), "hash", hash(secret), "by", createdBy),
                        r -> ApiKey.from(r.get("k")))
                .getFirst();
        return new IssuedApiKey(key, secret);
    }

    /**
     * Registers a key issued elsewhere (a secret store), idempotently; true when it was new.
     *
     * @throws IllegalArgumentException when the key is not in the issued form, or another key has its id
     */
    public boolean provision(String secret, String name, Role role, String createdBy) {
        var matcher = FORMAT.matcher(secret);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "A provisioned key must look like an issued one: crm_<12 hex digits>_<43 base64url characters>");
        }
        var result = cypher.write(
                        PROVISION,
                        Map.of(
                                "id",
                                matcher.group(1),
                                "name",
                                name,
                                "role",
                                role.name(),
                                "hash",
                                hash(secret),
                                "by",
                                createdBy),
                        r -> r)
                .getFirst();
        if (!result.get("same").asBoolean()) {
            throw new IllegalArgumentException("Another API key already has the id " + matcher.group(1));
        }
        return result.get("fresh").asBoolean();
    }

    /** Revokes the key (a second revocation keeps the first time and actor); empty when no key has that id. */
    public Optional<ApiKey> revoke(String id, String revokedBy) {
        return cypher.write(REVOKE, Map.of("id", id, "by", revokedBy), r -> ApiKey.from(r.get("k"))).stream()
                .findFirst();
    }

    /** The active key that {@code presented} is, or empty for anything else: malformed, unknown, wrong secret or revoked. */
    public Optional<ApiKey> verify(String presented) {
        var matcher = presented == null ? null : FORMAT.matcher(presented);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        byte[] expected = hash(presented).getBytes(StandardCharsets.US_ASCII);
        return cypher.readOptional(FIND, Map.of("id", matcher.group(1)), r -> r)
                .filter(r ->
                        MessageDigest.isEqual(expected, r.get("hash").asString().getBytes(StandardCharsets.US_ASCII)))
                .map(r -> ApiKey.from(r.get("k")))
                .filter(ApiKey::active);
    }

    public List<ApiKey> list(boolean includeRevoked) {
        return cypher.read(LIST, Map.of("includeRevoked", includeRevoked), r -> ApiKey.from(r.get("k")));
    }

    public boolean hasActive(Role role) {
        return cypher.read(
                        ACTIVE_WITH_ROLE,
                        Map.of("role", role.name()),
                        r -> r.get("present").asBoolean())
                .getFirst();
    }

    public static boolean looksLikeApiKey(String token) {
        return token != null && token.startsWith(PREFIX);
    }

    static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
