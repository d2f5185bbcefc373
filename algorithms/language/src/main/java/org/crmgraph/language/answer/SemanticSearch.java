package org.crmgraph.language.answer;

import java.util.List;
import java.util.Map;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.crmgraph.language.QuestionText;
import org.crmgraph.language.Script;
import org.crmgraph.language.SupportProperties;
import org.crmgraph.language.Vectors;
import org.crmgraph.language.embedding.ChineseEmbedder;
import org.crmgraph.language.embedding.SentenceEmbedder;
import org.crmgraph.language.embedding.SupportTexts;
import org.springframework.stereotype.Service;

/** Search by meaning through the vector indexes (English or Chinese, by script): articles for a text, tickets like a ticket. */
@Service
public class SemanticSearch {

    private static final String ARTICLES = """
            CYPHER 25
            MATCH (a:Article)
              SEARCH a IN (VECTOR INDEX __INDEX__ FOR $vector LIMIT $k) SCORE AS score
            RETURN a.id AS id, 2 * score - 1 AS similarity
            ORDER BY similarity DESC, id
            """;

    private static final String TICKET = """
            MATCH (t:Ticket {id: $id})
            RETURN t.embedding AS embedding, t.embeddingZh AS embeddingZh,
                   t.embeddedAt = coalesce(t.updatedAt, t.createdAt) AS current,
                   t.subject AS subject, t.body AS body, t.resolution AS resolution
            """;

    private static final String TICKETS = """
            CYPHER 25
            MATCH (t:Ticket)
              SEARCH t IN (VECTOR INDEX __INDEX__ FOR $vector LIMIT $k) SCORE AS score
            WITH t, 2 * score - 1 AS similarity
            WHERE t.id <> $id
            RETURN t.id AS id, similarity
            ORDER BY similarity DESC, id
            LIMIT $first
            """;

    private final CypherRunner cypher;
    private final SentenceEmbedder embedder;
    private final SupportProperties properties;
    private final ChineseEmbedder chinese;

    public SemanticSearch(
            CypherRunner cypher, SentenceEmbedder embedder, SupportProperties properties, ChineseEmbedder chinese) {
        this.cypher = cypher;
        this.embedder = embedder;
        this.properties = properties;
        this.chinese = chinese;
    }

    /** Articles by meaning; a Chinese text searches the Chinese articles, with the Chinese model. */
    public List<Match> articles(String text, int first) {
        String checked = QuestionText.check(text, "text", properties.maxQuestionLength());
        boolean zh = Script.of(checked) == Script.CHINESE;
        float[] vector = zh ? chinese.get().embed(checked) : embedder.embed(checked);
        return cypher.read(
                ARTICLES.replace("__INDEX__", zh ? "article_embedding_zh" : "article_embedding"),
                Map.of("vector", vector, "k", first),
                r -> new Match(r.get("id").asString(), clamp(r.get("similarity").asDouble())));
    }

    /**
     * Tickets most like this one, in its language; a ticket not embedded yet (or changed since) is embedded for the
     * search.
     */
    public List<Match> similarTickets(String ticketId, int first) {
        var ticket = cypher.readOptional(TICKET, Map.of("id", ticketId), r -> r)
                .orElseThrow(() -> InvalidArgumentException.notFound("ticketId", "No ticket with id " + ticketId));
        String text = SupportTexts.ticket(
                ticket.get("subject").asString(null),
                ticket.get("body").asString(null),
                ticket.get("resolution").asString(null));
        boolean zh = Script.of(text) == Script.CHINESE;
        String stored = zh ? "embeddingZh" : "embedding";
        float[] vector;
        if (!ticket.get(stored).isNull() && ticket.get("current").asBoolean(false)) {
            vector = Vectors.floats(ticket.get(stored));
        } else {
            vector = zh ? chinese.get().embed(text) : embedder.embed(text);
        }
        return cypher.read(
                TICKETS.replace("__INDEX__", zh ? "ticket_embedding_zh" : "ticket_embedding"),
                Map.of("vector", vector, "k", first + 1, "id", ticketId, "first", first),
                r -> new Match(r.get("id").asString(), clamp(r.get("similarity").asDouble())));
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
