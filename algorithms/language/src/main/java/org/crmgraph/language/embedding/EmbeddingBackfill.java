package org.crmgraph.language.embedding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.language.Script;
import org.crmgraph.language.SentimentProperties;
import org.crmgraph.language.SupportProperties;
import org.crmgraph.language.Vectors;
import org.crmgraph.language.classifier.Prediction;
import org.crmgraph.language.classifier.SuggestedPriority;
import org.crmgraph.language.classifier.TicketClassifiers;
import org.crmgraph.language.classifier.TrainedClassifier;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;

/**
 * Gives every ticket and article an embedding of its current text: those never embedded and those changed
 * since ({@code embeddedAt} is the {@code updatedAt} that was embedded). Work goes in chunks, one model call per
 * batch and one UNWIND write per chunk; a node changed again meanwhile is skipped and picked up by the next pass.
 * Open tickets are also routed by the current classifier (predicted category, suggested priority).
 */
@Service
public class EmbeddingBackfill {

    private static final int CHUNK_BATCHES = 4;

    // also open tickets the current classifier has not routed yet (it reads English: Chinese ones it never routes)
    private static final String STALE_TICKETS = """
            MATCH (t:Ticket)
            WHERE t.embeddedAt IS NULL OR t.embeddedAt <> coalesce(t.updatedAt, t.createdAt)
               OR ($classifier IS NOT NULL AND NOT t.status IN ['RESOLVED', 'CLOSED'] AND coalesce(t.routedBy, -1) <> $classifier
                   AND t.embeddingZh IS NULL)
            RETURN t.id AS id
            ORDER BY id
            """;
    private static final String STALE_ARTICLES = """
            MATCH (a:Article)
            WHERE a.embeddedAt IS NULL OR a.embeddedAt <> coalesce(a.updatedAt, a.createdAt)
            RETURN a.id AS id
            ORDER BY id
            """;
    private static final String TICKET_TEXTS = """
            UNWIND $ids AS id
            MATCH (t:Ticket {id: id})
            RETURN t.id AS id, t.subject AS subject, t.body AS body, t.resolution AS resolution, t.status AS status,
                   coalesce(t.updatedAt, t.createdAt) AS version, t.embeddingFingerprint AS fingerprint, t.routedBy AS routedBy,
                   CASE WHEN NOT t.status IN ['RESOLVED', 'CLOSED'] THEN t.embedding END AS embedding
            """;
    private static final String ARTICLE_TEXTS = """
            UNWIND $ids AS id
            MATCH (a:Article {id: id})
            RETURN a.id AS id, a.title AS title, a.body AS body, coalesce(a.updatedAt, a.createdAt) AS version,
                   a.embeddingFingerprint AS fingerprint
            """;
    // a text in Chinese is embedded by the Chinese model into its own property (and index); the other is removed,
    // so a ticket edited from one language to the other is found by the right search only
    private static final String STORE_VECTOR = """
            WITH n, row
            WHERE row.embedding IS NOT NULL
            CALL (n, row) {
              WITH n, row WHERE row.chinese
              CALL db.create.setNodeVectorProperty(n, 'embeddingZh', row.embedding)
              REMOVE n.embedding
            }
            CALL (n, row) {
              WITH n, row WHERE NOT row.chinese
              CALL db.create.setNodeVectorProperty(n, 'embedding', row.embedding)
              REMOVE n.embeddingZh
            }
            """;
    private static final String WRITE_TICKETS = """
            UNWIND $rows AS row
            MATCH (n:Ticket {id: row.id})
            WHERE coalesce(n.updatedAt, n.createdAt) = row.version
            SET n.embeddedAt = row.version, n.embeddingFingerprint = row.fingerprint, n.answerable = row.answerable,
                n.predictedCategory = coalesce(row.predictedCategory, n.predictedCategory),
                n.categoryConfidence = coalesce(row.categoryConfidence, n.categoryConfidence),
                n.classifiedPriority = coalesce(row.suggestedPriority, n.classifiedPriority),
                n.routedBy = coalesce(row.routedBy, n.routedBy)
            WITH n, row
            CALL (n, row) {
              WITH n AS t, row WHERE row.routedBy IS NOT NULL
              SET t.suggestedPriority = %s
            }
            // only answer sources are searched by their words: the full-text index is on this label (V19), so a
            // new ticket costs it nothing and it is written here, in batches, off the requests' path
            CALL (n, row) {
              WITH n, row WHERE row.answerable
              SET n:AnswerableTicket
            }
            CALL (n, row) {
              WITH n, row WHERE NOT row.answerable
              REMOVE n:AnswerableTicket
            }
            """.formatted(SuggestedPriority.OF_TICKET) + STORE_VECTOR;
    private static final String WRITE_ARTICLES = """
            UNWIND $rows AS row
            MATCH (n:Article {id: row.id})
            WHERE coalesce(n.updatedAt, n.createdAt) = row.version
            SET n.embeddedAt = row.version, n.embeddingFingerprint = row.fingerprint
            """ + STORE_VECTOR + """
            SET n.passages = row.passages, n.passageVectors = row.passageVectors
            """;

    private final CypherRunner cypher;
    private final SentenceEmbedder embedder;
    private final SupportProperties properties;
    private final TicketClassifiers classifiers;
    private final ChineseEmbedder chineseEmbedder;
    private final SentimentProperties sentiment;
    private final ReentrantLock running = new ReentrantLock();
    private final TunedEncoders encoders;
    private final TunedRetrieval tunedRetrieval;

    public EmbeddingBackfill(
            CypherRunner cypher,
            SentenceEmbedder embedder,
            SupportProperties properties,
            TicketClassifiers classifiers,
            ChineseEmbedder chineseEmbedder,
            SentimentProperties sentiment,
            TunedEncoders encoders,
            TunedRetrieval tunedRetrieval) {
        this.encoders = encoders;
        this.tunedRetrieval = tunedRetrieval;
        this.chineseEmbedder = chineseEmbedder;
        this.sentiment = sentiment;
        this.cypher = cypher;
        this.embedder = embedder;
        this.properties = properties;
        this.classifiers = classifiers;
    }

    /** The model a text is embedded with, as its fingerprint names it: a new model re-embeds what it reads. */
    private String modelFor(boolean chinese) {
        return chinese ? properties.chineseModelLocation() : embedder.description();
    }

    /** Embeds each row's text with the model of its language; returns the nanoseconds spent in the models. */
    private long embedInto(List<Map<String, Object>> rows, List<String> texts) {
        long started = System.nanoTime();
        for (boolean chinese : new boolean[] {false, true}) {
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if ((Boolean) rows.get(i).get("chinese") == chinese) {
                    indexes.add(i);
                }
            }
            if (indexes.isEmpty()) {
                continue;
            }
            SentenceEmbedder model = chinese ? chineseEmbedder.get() : embedder;
            List<float[]> vectors =
                    model.embedAll(indexes.stream().map(texts::get).toList(), properties.batchSize());
            for (int i = 0; i < indexes.size(); i++) {
                rows.get(indexes.get(i)).put("embedding", vectors.get(i));
            }
        }
        return System.nanoTime() - started;
    }

    private List<String> staleTickets(Long classifier) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("classifier", classifier);
        return cypher.read(STALE_TICKETS, parameters, r -> r.get("id").asString());
    }

    /**
     * Embeds everything stale; waits while another pass runs in this service, then finds little left to do.
     *
     * @param progress called with (done, total) after each chunk
     */
    public BackfillReport run(BiConsumer<Integer, Integer> progress) {
        running.lock();
        try {
            long started = System.nanoTime();
            Optional<TrainedClassifier> classifier = classifiers.loadCurrent();
            List<String> tickets =
                    staleTickets(classifier.map(TrainedClassifier::version).orElse(null));
            List<String> articles =
                    cypher.read(STALE_ARTICLES, Map.of(), r -> r.get("id").asString());
            int total = tickets.size() + articles.size();
            int chunk = properties.batchSize() * CHUNK_BATCHES;
            int[] counts = new int[4]; // tickets embedded, articles embedded, unchanged, routed
            int done = 0;
            long modelNanos = 0;
            for (int from = 0; from < tickets.size(); from += chunk) {
                List<String> ids = tickets.subList(from, Math.min(tickets.size(), from + chunk));
                modelNanos += ticketChunk(ids, classifier, counts);
                done += ids.size();
                progress.accept(done, total);
            }
            for (int from = 0; from < articles.size(); from += chunk) {
                List<String> ids = articles.subList(from, Math.min(articles.size(), from + chunk));
                modelNanos += articleChunk(ids, counts);
                done += ids.size();
                progress.accept(done, total);
            }
            // the tuned encoder's embeddings follow the frozen ones they were made beside
            tunedRetrieval.fill();
            int embedded = counts[0] + counts[1];
            double pace = modelNanos == 0 ? 0 : embedded / (modelNanos / 1e9);
            return new BackfillReport(
                    counts[0], counts[1], counts[2], counts[3], (System.nanoTime() - started) / 1_000_000, pace);
        } finally {
            running.unlock();
        }
    }

    private long ticketChunk(List<String> ids, Optional<TrainedClassifier> classifier, int[] counts) {
        List<Record> records = cypher.read(TICKET_TEXTS, Map.of("ids", ids), r -> r);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Map<String, Object>> toEmbed = new ArrayList<>();
        List<Map<String, Object>> toRoute = new ArrayList<>();
        List<float[]> routeVectors = new ArrayList<>();
        List<String> routeTexts = new ArrayList<>();
        Long version = classifier.map(TrainedClassifier::version).orElse(null);
        for (Record r : records) {
            String text = SupportTexts.ticket(
                    r.get("subject").asString(null),
                    r.get("body").asString(null),
                    r.get("resolution").asString(null));
            boolean chinese = Script.of(text) == Script.CHINESE;
            long fingerprint = SupportTexts.fingerprint(text, modelFor(chinese));
            String status = r.get("status").asString("OPEN");
            boolean resolved = "RESOLVED".equals(status) || "CLOSED".equals(status);
            Map<String, Object> row = new HashMap<>();
            row.put("id", r.get("id").asString());
            row.put("version", r.get("version").asObject());
            row.put("fingerprint", fingerprint);
            row.put("answerable", resolved && !r.get("resolution").asString("").isBlank());
            row.put("chinese", chinese);
            rows.add(row);
            boolean sameText =
                    !r.get("fingerprint").isNull() && r.get("fingerprint").asLong() == fingerprint;
            // an open ticket's stored embedding comes along for routing; a resolved one's is not needed, nor a
            // Chinese one's (the classifier reads English embeddings)
            boolean unchanged =
                    sameText && (resolved || chinese || !r.get("embedding").isNull());
            if (unchanged) {
                counts[2]++;
            } else {
                texts.add(text);
                toEmbed.add(row);
            }
            boolean routed = !r.get("routedBy").isNull()
                    && version != null
                    && r.get("routedBy").asLong() == version;
            if (!resolved && !chinese && version != null && (!unchanged || !routed)) {
                toRoute.add(row);
                routeVectors.add(unchanged ? Vectors.floats(r.get("embedding")) : null);
                routeTexts.add(text);
            }
        }
        long modelNanos = embedInto(toEmbed, texts);
        if (!toRoute.isEmpty()) {
            for (int i = 0; i < toRoute.size(); i++) {
                if (routeVectors.get(i) == null) {
                    routeVectors.set(i, (float[]) toRoute.get(i).get("embedding"));
                }
            }
            List<Prediction> predictions = encoders.classify(classifier.orElseThrow(), routeTexts, routeVectors);
            for (int i = 0; i < toRoute.size(); i++) {
                toRoute.get(i).put("predictedCategory", predictions.get(i).category());
                toRoute.get(i).put("categoryConfidence", predictions.get(i).probability());
                toRoute.get(i).put("suggestedPriority", predictions.get(i).suggestedPriority());
                toRoute.get(i).put("routedBy", version);
            }
            counts[3] += toRoute.size();
        }
        cypher.write(WRITE_TICKETS, Map.of("rows", rows, "stronglyNegative", sentiment.stronglyNegative()));
        counts[0] += toEmbed.size();
        return modelNanos;
    }

    private long articleChunk(List<String> ids, int[] counts) {
        List<Record> records = cypher.read(ARTICLE_TEXTS, Map.of("ids", ids), r -> r);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        List<Map<String, Object>> toEmbed = new ArrayList<>();
        for (Record r : records) {
            String text = SupportTexts.article(
                    r.get("title").asString(null), r.get("body").asString(null));
            boolean chinese = Script.of(text) == Script.CHINESE;
            long fingerprint = SupportTexts.fingerprint(text, modelFor(chinese));
            Map<String, Object> row = new HashMap<>();
            row.put("id", r.get("id").asString());
            row.put("version", r.get("version").asObject());
            row.put("fingerprint", fingerprint);
            row.put("chinese", chinese);
            rows.add(row);
            if (r.get("fingerprint").isNull() || r.get("fingerprint").asLong() != fingerprint) {
                texts.add(text);
                bodies.add(r.get("body").asString(null));
                toEmbed.add(row);
            } else {
                counts[2]++;
            }
        }
        // each sentence of a re-embedded article's body, for answers that quote the one that answers
        List<Map<String, Object>> sentenceRows = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < toEmbed.size(); i++) {
            Map<String, Object> row = toEmbed.get(i);
            List<String> split = Passages.split(bodies.get(i));
            if (split.size() > 1) {
                row.put("passages", split);
                for (String sentence : split) {
                    sentenceRows.add(new HashMap<>(Map.of("chinese", row.get("chinese"), "article", row)));
                    sentences.add(sentence);
                }
            }
        }
        long modelNanos = embedInto(toEmbed, texts) + embedInto(sentenceRows, sentences);
        for (Map<String, Object> sentence : sentenceRows) {
            @SuppressWarnings("unchecked")
            Map<String, Object> article = (Map<String, Object>) sentence.get("article");
            @SuppressWarnings("unchecked")
            List<Float> flat = (List<Float>) article.computeIfAbsent("passageVectors", k -> new ArrayList<Float>());
            for (float value : (float[]) sentence.get("embedding")) {
                flat.add(value);
            }
        }
        cypher.write(WRITE_ARTICLES, Map.of("rows", rows));
        counts[1] += toEmbed.size();
        return modelNanos;
    }
}
