package org.crmgraph.language.answer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.springframework.stereotype.Service;

/**
 * Records whether an answer helped, as {@code (:SupportQuery)-[:FEEDBACK {helpful}]->(source)}: on the article
 * the agent names, or else on the answer's best source. Later questions asked almost the same way see it
 * ({@link SourceRanking}). Giving feedback again on the same answer and source replaces the earlier verdict.
 */
@Service
public class Feedback {

    public record Given(String answerId, boolean helpful, SourceKind kind, String sourceId) {}

    private static final String ANSWER = """
            MATCH (q:SupportQuery {id: $answerId})
            OPTIONAL MATCH (q)-[s:SOURCE {rank: 1}]->(best)
            RETURN best.id AS bestId, CASE WHEN best:Article THEN 'ARTICLE' WHEN best:Ticket THEN 'TICKET' END AS bestKind
            """;

    private static final String ARTICLE_EXISTS = "MATCH (a:Article {id: $id}) RETURN a.id AS id";

    // a label cannot be a parameter: one query per kind of source
    private static final String GIVE_ARTICLE = """
            MATCH (q:SupportQuery {id: $answerId})
            MATCH (s:Article {id: $sourceId})
            MERGE (q)-[f:FEEDBACK]->(s)
            SET f.helpful = $helpful, f.at = datetime(), q.helpful = $helpful, q:RatedQuery
            """;
    private static final String GIVE_TICKET = """
            MATCH (q:SupportQuery {id: $answerId})
            MATCH (s:Ticket {id: $sourceId})
            MERGE (q)-[f:FEEDBACK]->(s)
            SET f.helpful = $helpful, f.at = datetime(), q.helpful = $helpful, q:RatedQuery
            """;

    private final CypherRunner cypher;
    private final AnswerLog answers;

    public Feedback(CypherRunner cypher, AnswerLog answers) {
        this.cypher = cypher;
        this.answers = answers;
    }

    public Given give(String answerId, boolean helpful, String articleId) {
        answers.flush();
        return cypher.inWrite(tx -> {
            List<org.neo4j.driver.Record> answer =
                    tx.run(ANSWER, Map.of("answerId", answerId)).list();
            if (answer.isEmpty()) {
                throw InvalidArgumentException.notFound("answerId", "No answer with id " + answerId);
            }
            SourceKind kind;
            String sourceId;
            if (articleId != null) {
                if (tx.run(ARTICLE_EXISTS, Map.of("id", articleId)).list().isEmpty()) {
                    throw InvalidArgumentException.notFound("articleId", "No article with id " + articleId);
                }
                kind = SourceKind.ARTICLE;
                sourceId = articleId;
            } else if (answer.getFirst().get("bestId").isNull()) {
                tx.run(
                                "MATCH (q:SupportQuery {id: $answerId}) SET q.helpful = $helpful",
                                Map.of("answerId", answerId, "helpful", helpful))
                        .consume();
                return new Given(answerId, helpful, null, null);
            } else {
                kind = SourceKind.valueOf(answer.getFirst().get("bestKind").asString());
                sourceId = answer.getFirst().get("bestId").asString();
            }
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("answerId", answerId);
            parameters.put("helpful", helpful);
            parameters.put("sourceId", sourceId);
            tx.run(kind == SourceKind.ARTICLE ? GIVE_ARTICLE : GIVE_TICKET, parameters)
                    .consume();
            return new Given(answerId, helpful, kind, sourceId);
        });
    }
}
