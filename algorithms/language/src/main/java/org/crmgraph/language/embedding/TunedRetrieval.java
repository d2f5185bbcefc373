package org.crmgraph.language.embedding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.language.SupportProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Retrieval through a fine-tuned encoder, when the current classifier's encoder retrieved better than the frozen one
 * on its held-out tickets ({@code retrieval: true} on its {@code (:TextEncoder)}): every English ticket and article
 * gets that encoder's embedding too ({@code tunedEmbedding}, searched through {@code ticket_embedding_tuned} and
 * {@code article_embedding_tuned}), filled after each embedding pass. Questions are searched through it only once a
 * pass of this instance found every embedding there, so a half-filled index never answers; until then, and without
 * such an encoder, the frozen encoder's indexes answer.
 */
@Component
public class TunedRetrieval {

    private static final String CURRENT = """
            MATCH (m:TicketClassifier {current: true})
            MATCH (e:TextEncoder {version: m.encoderVersion})
            WHERE e.retrieval = true
            RETURN e.version AS version
            """;

    // the frozen embedding's fingerprint names the text it was made from: a tuned one made from another text is stale
    private static final String STALE = """
            MATCH (n:%s)
            WHERE n.embedding IS NOT NULL
              AND (n.tunedEncoder IS NULL OR n.tunedEncoder <> $version OR n.tunedFingerprint <> n.embeddingFingerprint)
            RETURN n.id AS id
            ORDER BY id
            """;

    private static final String TICKET_TEXTS = """
            UNWIND $ids AS id
            MATCH (n:Ticket {id: id})
            RETURN n.id AS id, n.subject AS first, n.body AS second, n.resolution AS third,
                   n.embeddingFingerprint AS fingerprint
            """;

    private static final String ARTICLE_TEXTS = """
            UNWIND $ids AS id
            MATCH (n:Article {id: id})
            RETURN n.id AS id, n.title AS first, n.body AS second, null AS third, n.embeddingFingerprint AS fingerprint
            """;

    private static final String WRITE = """
            UNWIND $rows AS row
            MATCH (n:%s {id: row.id})
            WHERE n.embeddingFingerprint = row.fingerprint
            CALL db.create.setNodeVectorProperty(n, 'tunedEmbedding', row.embedding)
            SET n.tunedEncoder = $version, n.tunedFingerprint = row.fingerprint
            """;

    private static final int CHUNK = 256;

    private final CypherRunner cypher;
    private final TunedEncoders encoders;
    private final SupportProperties properties;
    private volatile @Nullable Long serving;

    public TunedRetrieval(CypherRunner cypher, TunedEncoders encoders, SupportProperties properties) {
        this.cypher = cypher;
        this.encoders = encoders;
        this.properties = properties;
    }

    /** The tuned encoder questions are searched through now, if any, with its version. */
    public Optional<Map.Entry<Long, SentenceEmbedder>> serving() {
        Long version = serving;
        if (version == null) {
            return Optional.empty();
        }
        return encoders.load(version).map(encoder -> Map.entry(version, encoder));
    }

    /** Searches through the frozen encoder again until the next pass ({@link #fill}) says otherwise. */
    public void stopServing() {
        serving = null;
    }

    /**
     * Embeds, with the current retrieval encoder, every ticket and article whose tuned embedding is missing or stale,
     * then serves that encoder; without one, stops serving any.
     *
     * @return how many tickets and articles were embedded
     */
    public int fill() {
        Long version = cypher.readOptional(
                        CURRENT, Map.of(), r -> r.get("version").asLong())
                .orElse(null);
        if (version == null) {
            serving = null;
            return 0;
        }
        Optional<SentenceEmbedder> encoder = encoders.load(version);
        if (encoder.isEmpty()) {
            serving = null;
            return 0;
        }
        int done = fill("Ticket", TICKET_TEXTS, version, encoder.get())
                + fill("Article", ARTICLE_TEXTS, version, encoder.get());
        serving = version;
        return done;
    }

    private int fill(String label, String texts, long version, SentenceEmbedder encoder) {
        List<String> stale = cypher.read(
                STALE.formatted(label),
                Map.of("version", version),
                r -> r.get("id").asString());
        for (int from = 0; from < stale.size(); from += CHUNK) {
            List<String> ids = stale.subList(from, Math.min(stale.size(), from + CHUNK));
            List<Map<String, Object>> rows = new ArrayList<>();
            List<String> toEmbed = new ArrayList<>();
            for (var r : cypher.read(texts, Map.of("ids", ids), r -> r)) {
                Map<String, Object> row = new HashMap<>();
                row.put("id", r.get("id").asString());
                row.put("fingerprint", r.get("fingerprint").asObject());
                rows.add(row);
                toEmbed.add(SupportTexts.ticket(
                        r.get("first").asString(null),
                        r.get("second").asString(null),
                        r.get("third").asString(null)));
            }
            List<float[]> vectors = encoder.embedAll(toEmbed, properties.batchSize());
            for (int i = 0; i < rows.size(); i++) {
                rows.get(i).put("embedding", vectors.get(i));
            }
            cypher.write(WRITE.formatted(label), Map.of("rows", rows, "version", version));
        }
        return stale.size();
    }
}
