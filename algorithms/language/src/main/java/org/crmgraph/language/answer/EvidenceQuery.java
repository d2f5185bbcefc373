package org.crmgraph.language.answer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;

/**
 * Reads an answer's evidence. Vector scores from Neo4j's cosine index are (1 + cos) / 2; they are turned back
 * into cosine similarities here, the scale every threshold in {@code crm.support.*} is written in.
 */
final class EvidenceQuery {

    // One statement, one round trip: the searches are independent, and each Bolt round trip costs more than a
    // vector search on an index of this size. Feedback counts only from questions asked almost the same way.
    private static final String EVIDENCE = """
            CYPHER 25
            CALL () {
              OPTIONAL MATCH (c:Customer {id: $customerId})
              RETURN c IS NOT NULL AS customerFound,
                     COLLECT { MATCH (c)-[:PLACED]->(:Order)-[:CONTAINS]->(p:Product) RETURN DISTINCT p.sku } AS owned,
                     COLLECT { MATCH (c)-[:RAISED]->(t:Ticket)-[:ABOUT]->(p:Product)
                               WHERE NOT t.status IN ['RESOLVED', 'CLOSED'] RETURN DISTINCT p.sku } AS openTickets
            }
            CALL () {
              MATCH (a:Article)
                SEARCH a IN (VECTOR INDEX __ARTICLE_INDEX__ FOR $vector LIMIT $k) SCORE AS score
              RETURN collect({__ARTICLE__}) AS articles
            }
            CALL () {
              MATCH (t:Ticket)
                SEARCH t IN (VECTOR INDEX __TICKET_INDEX__ FOR $vector WHERE t.answerable = true LIMIT $k) SCORE AS score
              RETURN collect({__TICKET__}) AS tickets
            }
            // full text finds what the embedding model cannot read (product codes, error numbers); its hits get
            // their cosine similarity too, so every source is scored on one scale, and their rank for the fusion
            CALL () {
              WITH $words AS words WHERE words IS NOT NULL
              CALL db.index.fulltext.queryNodes('article_text', words, {limit: $k}) YIELD node AS a, score AS textScore
              WHERE a.__PROPERTY__ IS NOT NULL
              WITH a, vector.similarity.cosine(a.__PROPERTY__, $vector) AS score, textScore
              RETURN collect({__ARTICLE__, textScore: textScore}) AS textArticles
            }
            CALL () {
              WITH $words AS words WHERE words IS NOT NULL
              CALL db.index.fulltext.queryNodes('answerable_ticket_text', words, {limit: $k * 4}) YIELD node AS t, score AS textScore
              WHERE t.answerable = true AND t.__PROPERTY__ IS NOT NULL
              WITH t, vector.similarity.cosine(t.__PROPERTY__, $vector) AS score, textScore
              LIMIT $k
              RETURN collect({__TICKET__, textScore: textScore}) AS textTickets
            }
            CALL () {
              WITH $feedback AS feedback WHERE feedback
              MATCH (q:RatedQuery)
                SEARCH q IN (VECTOR INDEX rated_query_embedding FOR $feedbackVector LIMIT 25) SCORE AS score
              WITH q, 2 * score - 1 AS similarity
              WHERE similarity >= $minSimilarity
              MATCH (q)-[f:FEEDBACK]->(s)
              RETURN collect({kind: CASE WHEN s:Article THEN 'ARTICLE' ELSE 'TICKET' END, id: s.id, helpful: f.helpful,
                              similarity: similarity}) AS feedback
            }
            CALL () {
              OPTIONAL MATCH (m:TicketClassifier {current: true})
              RETURN m.version AS classifier
            }
            RETURN customerFound, owned, openTickets, articles, tickets, textArticles, textTickets, feedback, classifier
            """;

    private static final String ARTICLE_FIELDS = """
            id: a.id, title: a.title, text: a.body, similarity: 2 * score - 1,
            products: COLLECT { MATCH (a)<-[:RESOLVED_BY]-(:Ticket)-[:ABOUT]->(p:Product) RETURN DISTINCT p.sku LIMIT 50 }""";

    private static final String TICKET_FIELDS = """
            id: t.id, title: t.subject, text: t.resolution, similarity: 2 * score - 1, category: t.category,
            priority: t.priority, products: COLLECT { MATCH (t)-[:ABOUT]->(p:Product) RETURN p.sku },
            resolvedBy: COLLECT { MATCH (t)-[:RESOLVED_BY]->(r:Article) RETURN r.id LIMIT 1 }""";

    /** The statement for questions embedded by the English model, and for those embedded by the Chinese one. */
    private static final String ENGLISH = evidence("article_embedding", "ticket_embedding", "embedding");

    private static final String CHINESE = evidence("article_embedding_zh", "ticket_embedding_zh", "embeddingZh");

    /** English questions when a fine-tuned encoder retrieves ({@code TunedRetrieval}); feedback stays frozen. */
    private static final String TUNED = evidence("article_embedding_tuned", "ticket_embedding_tuned", "tunedEmbedding");

    private static String evidence(String articleIndex, String ticketIndex, String property) {
        return EVIDENCE.replace("__ARTICLE_INDEX__", articleIndex)
                .replace("__TICKET_INDEX__", ticketIndex)
                .replace("__PROPERTY__", property)
                .replace("__ARTICLE__", ARTICLE_FIELDS)
                .replace("__TICKET__", TICKET_FIELDS);
    }

    static final double FEEDBACK_MIN_SIMILARITY = 0.8;

    private EvidenceQuery() {}

    private static Candidate article(Value a, Double textScore) {
        return new Candidate(
                SourceKind.ARTICLE,
                a.get("id").asString(),
                a.get("title").asString(null),
                a.get("text").asString(null),
                a.get("similarity").asDouble(),
                a.get("products").asList(Value::asString),
                null,
                null,
                null,
                textScore);
    }

    private static Candidate ticket(Value t, Double textScore) {
        return new Candidate(
                SourceKind.TICKET,
                t.get("id").asString(),
                t.get("title").asString(null),
                t.get("text").asString(null),
                t.get("similarity").asDouble(),
                t.get("products").asList(Value::asString),
                t.get("category").asString(null),
                t.get("priority").asString(null),
                t.get("resolvedBy").asList(Value::asString).stream().findFirst().orElse(null),
                textScore);
    }

    /** The vector hits, then the full-text hits the vectors missed; a source both found keeps its full-text score. */
    private static List<Candidate> merge(List<Candidate> byVector, List<Candidate> byText) {
        Map<String, Candidate> merged = new java.util.LinkedHashMap<>();
        byVector.forEach(c -> merged.put(c.id(), c));
        for (Candidate c : byText) {
            merged.merge(c.id(), c, (vector, text) -> vector.withTextScore(text.textScore()));
        }
        return List.copyOf(merged.values());
    }

    /** Null when {@code customerId} is given and names no customer. */
    /**
     * @param chinese the question was embedded by the Chinese model: its indexes are searched, and feedback (given on
     *                English questions' embeddings) is not read
     * @param words   the question as a full-text query ({@link FullTextQuery}); null searches vectors only
     */
    static Evidence read(
            SimpleQueryRunner tx, float[] vector, boolean chinese, String words, int k, String customerId) {
        return read(tx, vector, null, chinese, words, k, customerId);
    }

    /**
     * @param tunedVector the question embedded by the fine-tuned encoder that retrieves now: tickets and articles are
     *                    searched through its indexes, feedback still through {@code vector}; null searches with
     *                    {@code vector} alone
     */
    static Evidence read(
            SimpleQueryRunner tx,
            float[] vector,
            float[] tunedVector,
            boolean chinese,
            String words,
            int k,
            String customerId) {
        boolean tuned = tunedVector != null && !chinese;
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("vector", tuned ? tunedVector : vector);
        parameters.put("feedbackVector", vector);
        parameters.put("k", k);
        parameters.put("customerId", customerId);
        parameters.put("minSimilarity", FEEDBACK_MIN_SIMILARITY);
        parameters.put("words", words);
        parameters.put("feedback", !chinese);
        Record r =
                tx.run(chinese ? CHINESE : tuned ? TUNED : ENGLISH, parameters).single();
        if (customerId != null && !r.get("customerFound").asBoolean()) {
            return null;
        }
        Set<String> owned = new HashSet<>(r.get("owned").asList(Value::asString));
        Set<String> openTickets = new HashSet<>(r.get("openTickets").asList(Value::asString));
        List<Candidate> articles = merge(
                r.get("articles").asList(a -> article(a, null)),
                r.get("textArticles").asList(a -> article(a, a.get("textScore").asDouble())));
        List<Candidate> tickets = merge(
                r.get("tickets").asList(t -> ticket(t, null)),
                r.get("textTickets").asList(t -> ticket(t, t.get("textScore").asDouble())));
        Map<String, Double> feedback = new HashMap<>();
        Map<String, Integer> votes = new HashMap<>();
        for (Value f : r.get("feedback").values()) {
            String key = Evidence.key(
                    SourceKind.valueOf(f.get("kind").asString()), f.get("id").asString());
            boolean helpful = f.get("helpful").asBoolean();
            feedback.merge(
                    key,
                    helpful
                            ? f.get("similarity").asDouble()
                            : -f.get("similarity").asDouble(),
                    Double::sum);
            votes.merge(key, helpful ? 1 : -1, Integer::sum);
        }
        Long classifier =
                r.get("classifier").isNull() ? null : r.get("classifier").asLong();
        return new Evidence(articles, tickets, owned, openTickets, feedback, votes, classifier);
    }
}
