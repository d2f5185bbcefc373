package org.crmgraph.language.answer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.crmgraph.language.QuestionText;
import org.crmgraph.language.Script;
import org.crmgraph.language.SentimentProperties;
import org.crmgraph.language.SupportProperties;
import org.crmgraph.language.classifier.Prediction;
import org.crmgraph.language.classifier.SuggestedPriority;
import org.crmgraph.language.classifier.TicketClassifiers;
import org.crmgraph.language.classifier.TrainedClassifier;
import org.crmgraph.language.embedding.BackgroundEmbedding;
import org.crmgraph.language.embedding.ChineseEmbedder;
import org.crmgraph.language.embedding.Passages;
import org.crmgraph.language.embedding.SentenceEmbedder;
import org.crmgraph.language.embedding.TunedEncoders;
import org.crmgraph.language.embedding.TunedRetrieval;
import org.crmgraph.language.sentiment.Sentiment;
import org.crmgraph.language.sentiment.SentimentAnalysis;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Answers a support question from what the organisation already knows: the question is embedded by the model of
 * its script (English or Chinese), the nearest articles and resolved tickets (by meaning, and by the identifiers it
 * names) are ranked with the graph's context, the best one's passage that answers the question is the answer, and the
 * confidence and the question's sentiment decide between replying, suggesting to an agent and escalating. Each answer
 * is kept as a {@code (:SupportQuery)} with its sources ({@link AnswerLog}, in the background), for feedback and knowledge-gap reports.
 */
@Service
public class SupportAnswering {

    private final CypherRunner cypher;
    private final SentenceEmbedder embedder;
    private final TicketClassifiers classifiers;
    private final SupportProperties properties;
    private final SourceRanking ranking;
    private final AnswerLog answers;
    private final ChineseEmbedder chineseEmbedder;
    private final SentimentAnalysis sentiments;
    private final SentimentProperties sentimentProperties;
    private final TunedEncoders encoders;
    private final TunedRetrieval tunedRetrieval;
    private final BackgroundEmbedding background;

    private static final String PASSAGES = """
            MATCH (a:Article {id: $id})
            WHERE a.passages IS NOT NULL
            RETURN a.passages AS passages, a.passageVectors AS vectors
            """;

    public SupportAnswering(
            CypherRunner cypher,
            SentenceEmbedder embedder,
            TicketClassifiers classifiers,
            SupportProperties properties,
            AnswerLog answers,
            ChineseEmbedder chineseEmbedder,
            SentimentAnalysis sentiments,
            SentimentProperties sentimentProperties,
            TunedEncoders encoders,
            TunedRetrieval tunedRetrieval,
            BackgroundEmbedding background) {
        this.background = background;
        this.encoders = encoders;
        this.tunedRetrieval = tunedRetrieval;
        this.answers = answers;
        this.chineseEmbedder = chineseEmbedder;
        this.sentiments = sentiments;
        this.sentimentProperties = sentimentProperties;
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
        Script script = Script.of(text);
        boolean chinese = script == Script.CHINESE;
        float[] vector = chinese ? chineseEmbedder.get().embed(text) : embedder.embed(text);
        // a fine-tuned encoder that retrieves better searches the tickets and articles; the frozen vector still reads
        // sentiment, feedback, knowledge gaps and passages, whose models and indexes were made with it
        var tuned = chinese ? Optional.<Map.Entry<Long, SentenceEmbedder>>empty() : tunedRetrieval.serving();
        float[] tunedVector = tuned.map(e -> e.getValue().embed(text)).orElse(null);
        int k = Math.max(10, properties.sources() * 2);
        String words = FullTextQuery.of(text);
        Evidence searched =
                cypher.inRead(tx -> EvidenceQuery.read(tx, vector, tunedVector, chinese, words, k, customerId));
        if (searched == null) {
            throw InvalidArgumentException.notFound("customerId", "No customer with id " + customerId);
        }
        // the classifier reads English embeddings; a Chinese question's category comes from its nearest tickets
        Optional<TrainedClassifier> classifier =
                chinese ? Optional.empty() : classifiers.load(searched.classifierVersion());
        Long tunedVersion = tuned.map(Map.Entry::getKey).orElse(null);
        boolean tunedCurrent = tunedVersion != null
                && classifier.map(c -> tunedVersion.equals(c.encoderVersion())).orElse(false);
        Evidence evidence = searched;
        if (tunedVersion != null && !tunedCurrent) {
            // another instance trained a classifier since this one's last embedding pass: the tuned indexes may hold
            // another encoder's vectors by now. The frozen ones answer until a pass (asked for here) says which serve.
            tunedRetrieval.stopServing();
            background.request();
            evidence = cypher.inRead(tx -> EvidenceQuery.read(tx, vector, null, chinese, words, k, customerId));
        }
        Evidence used = evidence;
        List<AnswerSource> sources = ranking.rank(used, properties.sources());
        Prediction category = classifier
                .map(c -> tunedCurrent
                        ? c.predict(tunedVector)
                        : encoders.classify(c, List.of(text), List.of(vector)).getFirst())
                .orElseGet(() -> vote(used.tickets()));
        Sentiment sentiment = switch (script) {
            case LATIN -> sentiments.ofEnglishVector(vector);
            case CHINESE -> sentiments.ofChineseVector(vector);
            case OTHER -> null;
        };
        boolean upset = sentiment != null && sentiment.stronglyNegative(sentimentProperties.stronglyNegative());

        double confidence = sources.isEmpty() ? 0 : sources.getFirst().score();
        Verdict verdict = decide(
                confidence,
                sources.isEmpty(),
                script,
                sentiment,
                properties.autoReplyThreshold(),
                properties.suggestThreshold(),
                sentimentProperties);
        String answer = sources.isEmpty() ? null : passage(sources.getFirst(), vector);
        String priority = category == null ? null : category.suggestedPriority();
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
                upset ? SuggestedPriority.raise(priority == null ? "MEDIUM" : priority) : priority,
                classifier.map(TrainedClassifier::version).orElse(null),
                sources,
                sentiment);
        if (record) {
            answers.record(result, customerId, vector, chinese);
        }
        return result;
    }

    /** The passage of the best source that answers the question: an article's best sentence, a ticket's resolution. */
    private String passage(AnswerSource best, float[] question) {
        if (best.kind() != SourceKind.ARTICLE) {
            return best.text();
        }
        return cypher.readOptional(
                        PASSAGES,
                        Map.of("id", best.id()),
                        r -> Passages.select(
                                question,
                                r.get("passages").asList(Value::asString),
                                r.get("vectors").asList(Value::asDouble)))
                .orElse(best.text());
    }

    record Verdict(Decision decision, String reason) {}

    /** What to do with an answer of this confidence; an escalation says why. */
    static Verdict decide(
            double confidence,
            boolean nothingMatched,
            Script script,
            Sentiment sentiment,
            double autoReply,
            double suggest,
            SentimentProperties sentimentProperties) {
        if (script == Script.OTHER) {
            return new Verdict(
                    Decision.ESCALATE,
                    "The question is in a script the answer models do not read (they read English and Chinese); a person should answer it.");
        }
        if (nothingMatched) {
            return new Verdict(
                    Decision.ESCALATE,
                    script == Script.CHINESE
                            ? "Nothing in the knowledge base or the resolved tickets in Chinese matches this question."
                            : "Nothing in the knowledge base or the resolved tickets matches this question.");
        }
        boolean upset = sentiment != null && sentiment.stronglyNegative(sentimentProperties.stronglyNegative());
        if (confidence >= autoReply) {
            if (upset && confidence < sentimentProperties.negativeAutoReplyThreshold()) {
                return new Verdict(
                        Decision.SUGGEST,
                        "The customer sounds upset (negative, " + Math.round(sentiment.confidence() * 100)
                                + "% sure): a person should check the reply, which goes out by itself only from "
                                + Math.round(sentimentProperties.negativeAutoReplyThreshold() * 100)
                                + "% confidence for such a question (it has " + Math.round(confidence * 100) + "%).");
            }
            return new Verdict(Decision.AUTO_REPLY, null);
        }
        if (confidence >= suggest) {
            return new Verdict(
                    Decision.SUGGEST,
                    upset
                            ? "The customer sounds upset (negative, " + Math.round(sentiment.confidence() * 100)
                                    + "% sure); the suggested priority is raised."
                            : null);
        }
        return new Verdict(
                Decision.ESCALATE,
                "The best match is only " + Math.round(confidence * 100) + "% similar (escalating below "
                        + Math.round(suggest * 100) + "%)."
                        + (upset ? " The customer sounds upset." : ""));
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
