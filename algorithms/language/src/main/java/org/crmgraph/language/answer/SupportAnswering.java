package org.crmgraph.language.answer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.crmgraph.language.SupportProperties;
import org.crmgraph.language.classifier.Prediction;
import org.crmgraph.language.classifier.TicketClassifiers;
import org.crmgraph.language.classifier.TrainedClassifier;
import org.crmgraph.language.embedding.SentenceEmbedder;
import org.springframework.stereotype.Service;

/**
 * Answers a support question from what the organisation already knows: the question is embedded, the nearest
 * articles and resolved tickets are ranked with the graph's context, the best one answers, and the confidence
 * decides between replying, suggesting to an agent and escalating. Each answer is kept as a
 * {@code (:SupportQuery)} with its sources ({@link AnswerLog}, in the background), for feedback and knowledge-gap reports.
 */
@Service
public class SupportAnswering {

    private final CypherRunner cypher;
    private final SentenceEmbedder embedder;
    private final TicketClassifiers classifiers;
    private final SupportProperties properties;
    private final SourceRanking ranking;
    private final AnswerLog answers;

    public SupportAnswering(
            CypherRunner cypher,
            SentenceEmbedder embedder,
            TicketClassifiers classifiers,
            SupportProperties properties,
            AnswerLog answers) {
        this.answers = answers;
        this.cypher = cypher;
        this.embedder = embedder;
        this.classifiers = classifiers;
        this.properties = properties;
        this.ranking = new SourceRanking(properties.customerBoost(), properties.feedbackWeight());
    }

    public SupportAnswer answer(String question, String customerId) {
        return answer(question, customerId, true);
    }

    /**
     * @param record keep the answer as a {@code (:SupportQuery)}; the offline evaluation does not
     */
    public SupportAnswer answer(String question, String customerId, boolean record) {
        String text = QuestionText.check(question, "question", properties.maxQuestionLength());
        float[] vector = embedder.embed(text);
        int k = Math.max(10, properties.sources() * 2);
        Evidence evidence = cypher.inRead(tx -> EvidenceQuery.read(tx, vector, k, customerId));
        if (evidence == null) {
            throw InvalidArgumentException.notFound("customerId", "No customer with id " + customerId);
        }
        List<AnswerSource> sources = ranking.rank(evidence, properties.sources());
        Optional<TrainedClassifier> classifier = classifiers.load(evidence.classifierVersion());
        Prediction category = classifier.map(c -> c.predict(vector)).orElseGet(() -> vote(evidence.tickets()));

        double confidence = sources.isEmpty() ? 0 : sources.getFirst().score();
        Verdict verdict = decide(
                confidence, sources.isEmpty(), text, properties.autoReplyThreshold(), properties.suggestThreshold());
        String answer = sources.isEmpty() ? null : sources.getFirst().text();
        String id = UUID.randomUUID().toString();
        SupportAnswer result = new SupportAnswer(
                id,
                text,
                answer,
                confidence,
                verdict.decision(),
                verdict.reason(),
                category == null ? null : category.category(),
                category == null ? null : category.probability(),
                category == null ? null : category.suggestedPriority(),
                classifier.map(TrainedClassifier::version).orElse(null),
                sources);
        if (record) {
            answers.record(result, customerId, vector);
        }
        return result;
    }

    record Verdict(Decision decision, String reason) {}

    /** What to do with an answer of this confidence; an escalation says why. */
    static Verdict decide(
            double confidence, boolean nothingMatched, String question, double autoReply, double suggest) {
        if (nothingMatched) {
            return new Verdict(
                    Decision.ESCALATE, "Nothing in the knowledge base or the resolved tickets matches this question.");
        }
        if (!Scripts.mostlyLatin(question)) {
            return new Verdict(
                    Decision.ESCALATE,
                    "The question is not in English, the only language the answer model understands; a person should answer it.");
        }
        if (confidence >= autoReply) {
            return new Verdict(Decision.AUTO_REPLY, null);
        }
        if (confidence >= suggest) {
            return new Verdict(Decision.SUGGEST, null);
        }
        return new Verdict(
                Decision.ESCALATE,
                "The best match is only " + Math.round(confidence * 100) + "% similar (escalating below "
                        + Math.round(suggest * 100) + "%).");
    }

    /** Without a trained classifier: the category the nearest resolved tickets share, weighted by similarity. */
    private static Prediction vote(List<Candidate> tickets) {
        Map<String, Double> weight = new HashMap<>();
        Map<String, String> priority = new HashMap<>();
        double total = 0;
        for (Candidate ticket : tickets.subList(0, Math.min(5, tickets.size()))) {
            if (ticket.category() == null) {
                continue;
            }
            double w = Math.max(0, ticket.similarity());
            weight.merge(ticket.category(), w, Double::sum);
            priority.putIfAbsent(ticket.category(), ticket.priority());
            total += w;
        }
        if (weight.isEmpty() || total == 0) {
            return null;
        }
        var best = weight.entrySet().stream()
                .max(Map.Entry.<String, Double>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .orElseThrow();
        return new Prediction(best.getKey(), best.getValue() / total, priority.get(best.getKey()), 0);
    }
}
