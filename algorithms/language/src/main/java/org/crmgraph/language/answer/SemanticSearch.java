package org.crmgraph.language.answer;

import java.util.List;
import java.util.Map;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.crmgraph.language.SupportProperties;
import org.crmgraph.language.Vectors;
import org.crmgraph.language.embedding.SentenceEmbedder;
import org.crmgraph.language.embedding.SupportTexts;
import org.springframework.stereotype.Service;

/** Search by meaning through the vector indexes: articles for a text, tickets like a ticket. */
@Service
public class SemanticSearch {

    private static final String ARTICLES = """
            CYPHER 25
            MATCH (a:Article)
              SEARCH a IN (VECTOR INDEX article_embedding FOR $vector LIMIT $k) SCORE AS score
            RETURN a.id AS id, 2 * score - 1 AS similarity
            ORDER BY similarity DESC, id
            """;

    private static final String TICKET = """
            MATCH (t:Ticket {id: $id})
            RETURN t.embedding AS embedding, t.embeddedAt = coalesce(t.updatedAt, t.createdAt) AS current,
                   t.subject AS subject, t.body AS body, t.resolution AS resolution
            """;

    private static final String TICKETS = """
            CYPHER 25
            MATCH (t:Ticket)
              SEARCH t IN (VECTOR INDEX ticket_embedding FOR $vector LIMIT $k) SCORE AS score
            WITH t, 2 * score - 1 AS similarity
            WHERE t.id <> $id
            RETURN t.id AS id, similarity
            ORDER BY similarity DESC, id
            LIMIT $first
            """;

    private final CypherRunner cypher;
    private final SentenceEmbedder embedder;
    private final SupportProperties properties;

    public SemanticSearch(CypherRunner cypher, SentenceEmbedder embedder, SupportProperties properties) {
        this.cypher = cypher;
        this.embedder = embedder;
        this.properties = properties;
    }

    public List<Match> articles(String text, int first) {
        float[] vector = embedder.embed(QuestionText.check(text, "text", properties.maxQuestionLength()));
        return cypher.read(
                ARTICLES,
                Map.of("vector", vector, "k", first),
                r -> new Match(r.get("id").asString(), clamp(r.get("similarity").asDouble())));
    }

    /** Tickets most like this one; a ticket not embedded yet (or changed since) is embedded for the search. */
    public List<Match> similarTickets(String ticketId, int first) {
        var ticket = cypher.readOptional(TICKET, Map.of("id", ticketId), r -> r)
                .orElseThrow(() -> InvalidArgumentException.notFound("ticketId", "No ticket with id " + ticketId));
        float[] vector;
        if (!ticket.get("embedding").isNull() && ticket.get("current").asBoolean(false)) {
            vector = Vectors.floats(ticket.get("embedding"));
        } else {
            vector = embedder.embed(SupportTexts.ticket(
                    ticket.get("subject").asString(null),
                    ticket.get("body").asString(null),
                    ticket.get("resolution").asString(null)));
        }
        return cypher.read(
                TICKETS,
                Map.of("vector", vector, "k", first + 1, "id", ticketId, "first", first),
                r -> new Match(r.get("id").asString(), clamp(r.get("similarity").asDouble())));
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
