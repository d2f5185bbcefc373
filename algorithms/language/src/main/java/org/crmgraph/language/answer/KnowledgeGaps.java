package org.crmgraph.language.answer;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.language.SupportProperties;
import org.crmgraph.language.Vectors;
import org.springframework.stereotype.Service;

/**
 * Groups recent weak answers (escalated, below the suggest threshold, or marked unhelpful) by meaning. One
 * greedy pass, newest first: a question joins the group whose centre is nearest if it is at least
 * {@code crm.support.gap-similarity} similar, else starts a group. Cheap enough to run per request on the
 * few thousand weak questions of a month.
 */
@Service
public class KnowledgeGaps {

    private static final int MAX_QUESTIONS = 5000;
    private static final int EXAMPLES = 5;

    private static final String WEAK = """
            MATCH (q:SupportQuery)
            WHERE q.askedAt >= datetime() - duration({days: $days})
              AND (q.confidence < $threshold OR q.decision = 'ESCALATE' OR q.helpful = false)
              AND q.embedding IS NOT NULL
            RETURN q.question AS question, q.confidence AS confidence, q.askedAt AS askedAt, q.category AS category,
                   q.embedding AS embedding
            ORDER BY q.askedAt DESC
            LIMIT $max
            """;

    private final CypherRunner cypher;
    private final SupportProperties properties;
    private final AnswerLog answers;

    public KnowledgeGaps(CypherRunner cypher, SupportProperties properties, AnswerLog answers) {
        this.cypher = cypher;
        this.properties = properties;
        this.answers = answers;
    }

    private record Weak(String question, double confidence, ZonedDateTime askedAt, String category, float[] vector) {}

    private static final class Group {
        final List<Weak> members = new ArrayList<>();
        final float[] sum;

        Group(int dimensions) {
            sum = new float[dimensions];
        }

        void add(Weak weak) {
            members.add(weak);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += weak.vector()[i];
            }
        }

        double similarity(float[] vector) {
            double dot = 0;
            double norm = 0;
            for (int i = 0; i < sum.length; i++) {
                dot += sum[i] * vector[i];
                norm += sum[i] * sum[i];
            }
            return norm == 0 ? 0 : dot / Math.sqrt(norm); // question vectors are unit length
        }
    }

    public List<KnowledgeGap> find(int days, int minQuestions, int first) {
        answers.flush();
        List<Weak> weak = cypher.read(
                WEAK, Map.of("days", days, "threshold", properties.suggestThreshold(), "max", MAX_QUESTIONS), r -> {
                    float[] vector = Vectors.floats(r.get("embedding"));
                    return new Weak(
                            r.get("question").asString(),
                            r.get("confidence").asDouble(0),
                            r.get("askedAt").asZonedDateTime(),
                            r.get("category").asString(null),
                            vector);
                });
        List<Group> groups = new ArrayList<>();
        for (Weak question : weak) {
            Group nearest = null;
            double best = properties.gapSimilarity();
            for (Group group : groups) {
                double similarity = group.similarity(question.vector());
                if (similarity >= best) {
                    best = similarity;
                    nearest = group;
                }
            }
            if (nearest == null) {
                nearest = new Group(question.vector().length);
                groups.add(nearest);
            }
            nearest.add(question);
        }
        return groups.stream()
                .filter(g -> g.members.size() >= minQuestions)
                .map(KnowledgeGaps::describe)
                .sorted(Comparator.comparingInt(KnowledgeGap::size)
                        .reversed()
                        .thenComparing(KnowledgeGap::lastAskedAt, Comparator.reverseOrder()))
                .limit(first)
                .toList();
    }

    private static KnowledgeGap describe(Group group) {
        Weak central = group.members.stream()
                .max(Comparator.comparingDouble(m -> group.similarity(m.vector())))
                .orElseThrow();
        Map<String, Integer> categories = new HashMap<>();
        group.members.stream()
                .filter(m -> m.category() != null)
                .forEach(m -> categories.merge(m.category(), 1, Integer::sum));
        String category = categories.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
        double average =
                group.members.stream().mapToDouble(Weak::confidence).average().orElse(0);
        List<String> examples = group.members.stream()
                .map(Weak::question)
                .distinct()
                .limit(EXAMPLES)
                .toList();
        return new KnowledgeGap(
                central.question(),
                group.members.size(),
                average,
                group.members.getFirst().askedAt(),
                category,
                examples);
    }
}
