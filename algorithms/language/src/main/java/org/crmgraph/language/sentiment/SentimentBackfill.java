package org.crmgraph.language.sentiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.privacy.CustomerPrivacy;
import org.crmgraph.graph.text.Fingerprints;
import org.crmgraph.language.SentimentProperties;
import org.crmgraph.language.classifier.SuggestedPriority;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;

/**
 * Gives every ticket (its subject and body: the customer's words, not the agent's resolution) and every interaction
 * with text a sentiment, read by the current model: those never read, changed since, or read by an older model.
 * Work goes in chunks, one batched model call and one UNWIND write each; an open ticket's suggested priority follows
 * ({@link SuggestedPriority}), and so does each touched customer's sentiment trend: the average of their
 * {@code recentMessages} latest messages ({@code -confidence} for negative, {@code +confidence} for positive, 0 for
 * neutral) and its change from the as many before.
 */
@Service
public class SentimentBackfill {

    /** What one pass did. */
    public record Report(int tickets, int interactions, int customers, long millis) {}

    private static final int CHUNK = 256;

    private static final String STALE_TICKETS = """
            MATCH (t:Ticket)
            WHERE t.sentimentAt IS NULL OR t.sentimentAt <> coalesce(t.updatedAt, t.createdAt) OR t.sentimentBy <> $model
            RETURN t.id AS id
            ORDER BY id
            """;
    private static final String STALE_INTERACTIONS = """
            MATCH (i:Interaction)
            WHERE i.text IS NOT NULL AND (i.sentimentBy IS NULL OR i.sentimentBy <> $model)
            RETURN i.id AS id
            ORDER BY id
            """;
    private static final String TICKET_TEXTS = """
            UNWIND $ids AS id
            MATCH (t:Ticket {id: id})
            RETURN t.id AS id, t.subject AS subject, t.body AS body, coalesce(t.updatedAt, t.createdAt) AS version,
                   t.sentimentFingerprint AS fingerprint
            """;
    private static final String INTERACTION_TEXTS = """
            UNWIND $ids AS id
            MATCH (i:Interaction {id: id})
            RETURN i.id AS id, i.text AS text
            """;
    // a row without a label clears the sentiment (text in a script no model reads, or erased)
    private static final String WRITE_TICKETS = """
            UNWIND $rows AS row
            MATCH (t:Ticket {id: row.id})
            WHERE coalesce(t.updatedAt, t.createdAt) = row.version
            SET t.sentimentAt = row.version, t.sentimentBy = $model, t.sentimentFingerprint = row.fingerprint
            WITH t, row
            CALL (t, row) {
              WITH t, row WHERE row.read
              SET t.sentiment = row.label, t.sentimentConfidence = row.confidence, t.sentimentModel = row.model
            }
            CALL (t) {
              WITH t WHERE NOT t.status IN ['RESOLVED', 'CLOSED']
              // routed before classifiedPriority was kept: the classifier's priority is the suggested one, unraised
              SET t.classifiedPriority = coalesce(t.classifiedPriority, CASE WHEN t.routedBy IS NOT NULL THEN t.suggestedPriority END)
              SET t.suggestedPriority = %s
            }
            RETURN DISTINCT COLLECT { MATCH (c:Customer)-[:RAISED]->(t) RETURN c.id } AS customers
            """.formatted(SuggestedPriority.OF_TICKET);
    private static final String WRITE_INTERACTIONS = """
            UNWIND $rows AS row
            MATCH (i:Interaction {id: row.id})
            WHERE i.text IS NOT NULL
            SET i.sentimentBy = $model, i.sentiment = row.label, i.sentimentConfidence = row.confidence,
                i.sentimentModel = row.model
            RETURN DISTINCT COLLECT { MATCH (c:Customer)-[:HAD]->(i) RETURN c.id } AS customers
            """;
    private static final String TRENDS = """
            UNWIND $customers AS id
            MATCH (c:Customer {id: id})
            WITH c, COLLECT {
              MATCH (c)-[:RAISED|HAD]->(m)
              WHERE m.sentiment IS NOT NULL
              RETURN CASE m.sentiment WHEN 'NEGATIVE' THEN -m.sentimentConfidence
                                      WHEN 'POSITIVE' THEN m.sentimentConfidence ELSE 0.0 END AS score
              ORDER BY coalesce(m.createdAt, m.occurredAt) DESC, m.id DESC
              LIMIT 2 * $window
            } AS scores
            WITH c, scores, scores[0..$window] AS recent, scores[$window..] AS before
            SET c.sentimentMessages = size(scores),
                c.sentimentRecent = CASE WHEN size(recent) > 0 THEN reduce(s = 0.0, x IN recent | s + x) / size(recent) END,
                c.sentimentChange = CASE WHEN size(before) > 0
                    THEN reduce(s = 0.0, x IN recent | s + x) / size(recent) - reduce(s = 0.0, x IN before | s + x) / size(before)
                END
            """;

    private final CypherRunner cypher;
    private final SentimentAnalysis analysis;
    private final SentimentProperties properties;
    private final ReentrantLock running = new ReentrantLock();

    public SentimentBackfill(CypherRunner cypher, SentimentAnalysis analysis, SentimentProperties properties) {
        this.cypher = cypher;
        this.analysis = analysis;
        this.properties = properties;
    }

    /** Reads everything stale; waits while another pass runs in this service, then finds little left to do. */
    public Report run() {
        running.lock();
        try {
            long started = System.nanoTime();
            String model = analysis.currentModel();
            Set<String> customers = new LinkedHashSet<>();
            List<String> tickets = cypher.read(
                    STALE_TICKETS, Map.of("model", model), r -> r.get("id").asString());
            for (int from = 0; from < tickets.size(); from += CHUNK) {
                customers.addAll(ticketChunk(tickets.subList(from, Math.min(tickets.size(), from + CHUNK)), model));
            }
            List<String> interactions = cypher.read(
                    STALE_INTERACTIONS, Map.of("model", model), r -> r.get("id").asString());
            for (int from = 0; from < interactions.size(); from += CHUNK) {
                customers.addAll(interactionChunk(
                        interactions.subList(from, Math.min(interactions.size(), from + CHUNK)), model));
            }
            List<String> touched = List.copyOf(customers);
            for (int from = 0; from < touched.size(); from += CHUNK * 4) {
                cypher.write(
                        TRENDS,
                        Map.of(
                                "customers",
                                touched.subList(from, Math.min(touched.size(), from + CHUNK * 4)),
                                "window",
                                properties.recentMessages()));
            }
            return new Report(
                    tickets.size(), interactions.size(), touched.size(), (System.nanoTime() - started) / 1_000_000);
        } finally {
            running.unlock();
        }
    }

    private List<String> ticketChunk(List<String> ids, String model) {
        List<Record> records = cypher.read(TICKET_TEXTS, Map.of("ids", ids), r -> r);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> toRead = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Record r : records) {
            String subject = r.get("subject").asString("");
            String body = r.get("body").asString("");
            String text = (subject.strip() + "\n" + body.strip()).strip();
            long fingerprint = Fingerprints.of(model, text);
            Map<String, Object> row = new HashMap<>();
            row.put("id", r.get("id").asString());
            row.put("version", r.get("version").asObject());
            row.put("fingerprint", fingerprint);
            row.put("read", false);
            rows.add(row);
            boolean unchanged =
                    !r.get("fingerprint").isNull() && r.get("fingerprint").asLong() == fingerprint;
            if (unchanged) {
                continue;
            }
            row.put("read", true);
            if (erased(subject) && erased(body)) {
                continue; // no label: cleared
            }
            toRead.add(row);
            texts.add(text);
        }
        label(toRead, texts);
        return cypher
                .write(
                        WRITE_TICKETS,
                        Map.of("rows", rows, "model", model, "stronglyNegative", properties.stronglyNegative()),
                        r -> r.get("customers").asList(v -> v.asString()))
                .stream()
                .flatMap(List::stream)
                .toList();
    }

    private List<String> interactionChunk(List<String> ids, String model) {
        List<Record> records = cypher.read(INTERACTION_TEXTS, Map.of("ids", ids), r -> r);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Record r : records) {
            if (r.get("text").isNull() || r.get("text").asString().isBlank()) {
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("id", r.get("id").asString());
            rows.add(row);
            texts.add(r.get("text").asString().strip());
        }
        label(rows, texts);
        return cypher
                .write(
                        WRITE_INTERACTIONS,
                        Map.of("rows", rows, "model", model),
                        r -> r.get("customers").asList(v -> v.asString()))
                .stream()
                .flatMap(List::stream)
                .toList();
    }

    private void label(List<Map<String, Object>> rows, List<String> texts) {
        List<Optional<Sentiment>> sentiments = analysis.analyzeAll(texts);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            sentiments
                    .get(i)
                    .ifPresentOrElse(
                            s -> {
                                row.put("label", s.label().name());
                                row.put("confidence", s.confidence());
                                row.put("model", s.model());
                            },
                            () -> {
                                row.put("label", null);
                                row.put("confidence", null);
                                row.put("model", null);
                            });
        }
    }

    private static boolean erased(String text) {
        return text.isBlank() || CustomerPrivacy.ERASED_TEXT.equals(text.strip());
    }
}
