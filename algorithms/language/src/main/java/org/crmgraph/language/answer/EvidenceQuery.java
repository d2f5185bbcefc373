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
                SEARCH a IN (VECTOR INDEX article_embedding FOR $vector LIMIT $k) SCORE AS score
              RETURN collect({id: a.id, title: a.title, text: a.body, similarity: 2 * score - 1,
                              products: COLLECT { MATCH (a)<-[:RESOLVED_BY]-(:Ticket)-[:ABOUT]->(p:Product) RETURN DISTINCT p.sku LIMIT 50 }})
                     AS articles
            }
            CALL () {
              MATCH (t:Ticket)
                SEARCH t IN (VECTOR INDEX ticket_embedding FOR $vector WHERE t.answerable = true LIMIT $k) SCORE AS score
              RETURN collect({id: t.id, title: t.subject, text: t.resolution, similarity: 2 * score - 1, category: t.category,
                              priority: t.priority, products: COLLECT { MATCH (t)-[:ABOUT]->(p:Product) RETURN p.sku },
                              resolvedBy: COLLECT { MATCH (t)-[:RESOLVED_BY]->(r:Article) RETURN r.id LIMIT 1 }}) AS tickets
            }
            CALL () {
              MATCH (q:RatedQuery)
                SEARCH q IN (VECTOR INDEX rated_query_embedding FOR $vector LIMIT 25) SCORE AS score
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
            RETURN customerFound, owned, openTickets, articles, tickets, feedback, classifier
            """;

    static final double FEEDBACK_MIN_SIMILARITY = 0.8;

    private EvidenceQuery() {}

    /** Null when {@code customerId} is given and names no customer. */
    static Evidence read(SimpleQueryRunner tx, float[] vector, int k, String customerId) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("vector", vector);
        parameters.put("k", k);
        parameters.put("customerId", customerId);
        parameters.put("minSimilarity", FEEDBACK_MIN_SIMILARITY);
        Record r = tx.run(EVIDENCE, parameters).single();
        if (customerId != null && !r.get("customerFound").asBoolean()) {
            return null;
        }
        Set<String> owned = new HashSet<>(r.get("owned").asList(Value::asString));
        Set<String> openTickets = new HashSet<>(r.get("openTickets").asList(Value::asString));
        List<Candidate> articles = r.get("articles")
                .asList(a -> new Candidate(
                        SourceKind.ARTICLE,
                        a.get("id").asString(),
                        a.get("title").asString(null),
                        a.get("text").asString(null),
                        a.get("similarity").asDouble(),
                        a.get("products").asList(Value::asString),
                        null,
                        null,
                        null));
        List<Candidate> tickets = r.get("tickets")
                .asList(t -> new Candidate(
                        SourceKind.TICKET,
                        t.get("id").asString(),
                        t.get("title").asString(null),
                        t.get("text").asString(null),
                        t.get("similarity").asDouble(),
                        t.get("products").asList(Value::asString),
                        t.get("category").asString(null),
                        t.get("priority").asString(null),
                        t.get("resolvedBy").asList(Value::asString).stream()
                                .findFirst()
                                .orElse(null)));
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
