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
            RETURN q.id AS id, q.question AS question, q.confidence AS confidence, q.askedAt AS askedAt,
                   q.category AS category, q.embedding AS embedding
            ORDER BY q.askedAt DESC
            LIMIT $max
            """;

    // a gap the watch stored, with what is left of its questions (an erased person's are scrubbed: no embedding)
    private static final String STORED = """
            UNWIND $ids AS id
            MATCH (g:KnowledgeGap {id: id})
            CALL (g) {
              OPTIONAL MATCH (g)-[:INCLUDES]->(q:SupportQuery) WHERE q.embedding IS NOT NULL
              WITH q ORDER BY q.askedAt DESC
              RETURN collect(q.question)[0..$examples] AS examples,
                     collect(CASE WHEN q.id = g.centralQueryId THEN q.question END) AS central
            }
            RETURN g.id AS id, coalesce(central[0], examples[0], '') AS question, g.questions AS size,
                   g.averageConfidence AS averageConfidence, g.lastAskedAt AS lastAskedAt, g.category AS category,
                   examples
            """;

    private final CypherRunner cypher;
    private final SupportProperties properties;
    private final AnswerLog answers;

    public KnowledgeGaps(CypherRunner cypher, SupportProperties properties, AnswerLog answers) {
        this.cypher = cypher;
        this.properties = properties;
        this.answers = answers;
    }

    private record Weak(
            String id, String question, double confidence, ZonedDateTime askedAt, String category, float[] vector) {}

    /**
     * A group as the watch stores it: its questions' ids, the one nearest its centre, and the centre (unit length).
     */
    record Found(KnowledgeGap gap, List<String> questionIds, String centralId, float[] centre) {}

    static final class Group {
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

        /** The centre as a unit vector: the same direction as the sum, comparable across groups of any size. */
        float[] centre() {
            double norm = 0;
            for (float value : sum) {
                norm += value * value;
            }
            float[] centre = new float[sum.length];
            double length = Math.sqrt(norm);
            for (int i = 0; i < sum.length; i++) {
                centre[i] = length == 0 ? 0 : (float) (sum[i] / length);
            }
            return centre;
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
        return groups(days).stream()
                .filter(g -> g.members.size() >= minQuestions)
                .map(KnowledgeGaps::describe)
                .sorted(Comparator.comparingInt(KnowledgeGap::size)
                        .reversed()
                        .thenComparing(KnowledgeGap::lastAskedAt, Comparator.reverseOrder()))
                .limit(first)
                .toList();
    }

    /** Gaps the {@link KnowledgeGapWatch} stored, by id; ids of none are left out. */
    public Map<String, KnowledgeGap> stored(java.util.Collection<String> ids) {
        Map<String, KnowledgeGap> found = new HashMap<>();
        cypher.read(
                        STORED,
                        Map.of("ids", List.copyOf(ids), "examples", EXAMPLES),
                        r -> Map.entry(
                                r.get("id").asString(),
                                new KnowledgeGap(
                                        r.get("question").asString(),
                                        r.get("size").asInt(),
                                        r.get("averageConfidence").asDouble(),
                                        r.get("lastAskedAt").asZonedDateTime(),
                                        r.get("category").asString(null),
                                        r.get("examples").asList(org.neo4j.driver.Value::asString))))
                .forEach(entry -> found.put(entry.getKey(), entry.getValue()));
        return found;
    }

    /** The groups of at least {@code minQuestions} over the last {@code days}, with what the watch stores of each. */
    List<Found> found(int days, int minQuestions) {
        return groups(days).stream()
                .filter(g -> g.members.size() >= minQuestions)
                .map(g -> new Found(
                        describe(g),
                        g.members.stream().map(Weak::id).toList(),
                        central(g).id(),
                        g.centre()))
                .toList();
    }

    private List<Group> groups(int days) {
        answers.flush();
        List<Weak> weak = cypher.read(
                WEAK, Map.of("days", days, "threshold", properties.suggestThreshold(), "max", MAX_QUESTIONS), r -> {
                    float[] vector = Vectors.floats(r.get("embedding"));
                    return new Weak(
                            r.get("id").asString(),
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
        return groups;
    }

    private static Weak central(Group group) {
        return group.members.stream()
                .max(Comparator.comparingDouble(m -> group.similarity(m.vector())))
                .orElseThrow();
    }

    private static KnowledgeGap describe(Group group) {
        Weak central = central(group);
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
