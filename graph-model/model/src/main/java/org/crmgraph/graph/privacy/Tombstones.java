package org.crmgraph.graph.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.secret.ServiceKeys;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.SimpleQueryRunner;
import org.springframework.stereotype.Component;

/**
 * What an erasure leaves behind so that the person stays erased: keyed hashes (HMAC-SHA256, key kept in the graph) of
 * their identifiers, an e-mail address, a phone number, the provenance key of each source record, never the values.
 * Imports, {@code createCustomer}, updates and merges look a person up here before writing them and refuse one that
 * was erased, so a re-import of the same file cannot bring the name and e-mail back.
 */
@Component
public class Tombstones {

    /** Kinds of identifier, part of what is hashed, so an e-mail and a source key never collide. */
    public enum Kind {
        EMAIL,
        PHONE,
        SOURCE_KEY
    }

    private static final String IDENTIFIERS = """
            MATCH (c:Customer {id: $id})
            RETURN [x IN [c.email] + COLLECT { MATCH (c)<-[:RESOLVED_TO]-(s:SourceRecord) RETURN s.email }
                    WHERE x IS NOT NULL] AS emails,
                   [x IN [c.phone] + COLLECT { MATCH (c)<-[:RESOLVED_TO]-(s:SourceRecord) RETURN s.phone }
                    WHERE x IS NOT NULL] AS phones,
                   COLLECT { MATCH (c)<-[:RESOLVED_TO]-(s:SourceRecord) RETURN s.key } AS keys
            """;
    private static final String BURY = """
            UNWIND $hashes AS h
            MERGE (e:ErasedIdentity {hash: h})
            ON CREATE SET e.erasedAt = datetime()
            """;
    private static final String FIND = """
            UNWIND $hashes AS h
            MATCH (e:ErasedIdentity {hash: h})
            RETURN e.hash AS hash
            """;

    private final CypherRunner cypher;
    private volatile @Nullable SecretKeySpec key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public Tombstones(CypherRunner cypher) {
        this.cypher = cypher;
    }

    /** The hash an identifier is kept under; null for a null or blank value. */
    public @Nullable String hash(Kind kind, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String normalised = kind == Kind.SOURCE_KEY ? value : value.strip().toLowerCase(Locale.ROOT);
        // an import hashes three identifiers a row: one initialised Mac per thread, not a provider lookup a hash
        return HexFormat.of().formatHex(macs.get().doFinal((kind + ":" + normalised).getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    /** Within an erasure's transaction, before the values are removed: keeps the hashes of who the customer was. */
    public int bury(SimpleQueryRunner tx, String customerId) {
        var found = tx.run(IDENTIFIERS, Map.of("id", customerId));
        if (!found.hasNext()) {
            return 0;
        }
        var record = found.single();
        Set<String> hashes = new HashSet<>();
        record.get("emails").asList(v -> hash(Kind.EMAIL, v.asString())).forEach(hashes::add);
        record.get("phones").asList(v -> hash(Kind.PHONE, v.asString())).forEach(hashes::add);
        record.get("keys").asList(v -> hash(Kind.SOURCE_KEY, v.asString())).forEach(hashes::add);
        hashes.remove(null);
        tx.run(BURY, Map.of("hashes", List.copyOf(hashes))).consume();
        return hashes.size();
    }

    /** Which of these hashes belong to erased people. */
    public Set<String> erased(SimpleQueryRunner tx, Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Set.of();
        }
        Set<String> erased = new HashSet<>();
        tx.run(FIND, Map.of("hashes", List.copyOf(hashes)))
                .forEachRemaining(r -> erased.add(r.get("hash").asString()));
        return erased;
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            synchronized (this) {
                current = key;
                if (current == null) {
                    current = new SecretKeySpec(ServiceKeys.key(cypher, "tombstone"), "HmacSHA256");
                    key = current;
                }
            }
        }
        return current;
    }
}
