package org.crmgraph.language.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.language.SupportProperties;
import org.crmgraph.language.answer.AnswerSource;
import org.crmgraph.language.answer.Decision;
import org.crmgraph.language.answer.SourceKind;
import org.crmgraph.language.answer.SupportAnswer;
import org.crmgraph.language.answer.SupportAnswering;
import org.crmgraph.language.classifier.ClassifierReport;
import org.crmgraph.language.classifier.ClassifierTraining;
import org.crmgraph.language.classifier.MulticlassScores;
import org.crmgraph.language.classifier.Prediction;
import org.crmgraph.language.classifier.StratifiedSplit;
import org.crmgraph.language.classifier.TicketClassifiers;
import org.crmgraph.language.classifier.TrainedClassifier;
import org.crmgraph.language.embedding.BackfillReport;
import org.crmgraph.language.embedding.EmbeddingBackfill;
import org.crmgraph.language.embedding.SentenceEmbedder;
import org.crmgraph.language.embedding.SupportTexts;
import org.crmgraph.language.embedding.TunedEncoders;
import org.crmgraph.language.embedding.TunedRetrieval;
import org.springframework.stereotype.Service;

/**
 * The built-in evaluation of support answers on labelled questions (BANKING77 or the organisation's own).
 * A stratified, seeded split: the training part is written as resolved tickets labelled by intent and goes
 * through the product's own path (background embedding code, vector index, classifier training); the held-out
 * questions are then asked, and the intent of what comes back is compared with the truth.
 * Writes tickets ({@code eval-<n>}, marked {@code evaluation: true}) and a classifier version: run it on a
 * data folder of its own.
 */
@Service
public class SupportEvaluation {

    static final String RESOLUTION = "Resolved by the support team.";

    /** Share of the training tickets a fine-tuning holds out to choose between the tuned and the frozen encoder. */
    static final double FINE_TUNING_HOLDOUT = 0.1;

    // the question is the subject; the body stays empty so the text is embedded once, as it was asked
    private static final String WRITE_TICKETS = """
            UNWIND $rows AS row
            MERGE (t:Ticket {id: row.id})
            SET t.subject = row.text, t.body = '', t.category = row.category, t.status = 'RESOLVED',
                t.resolution = $resolution, t.priority = 'MEDIUM', t.channel = 'OTHER', t.evaluation = true,
                t.createdAt = coalesce(t.createdAt, datetime()), t.updatedAt = coalesce(t.updatedAt, datetime()),
                t.resolvedAt = coalesce(t.resolvedAt, datetime())
            """;

    private static final String NEAREST = """
            CYPHER 25
            MATCH (t:Ticket)
              SEARCH t IN (VECTOR INDEX ticket_embedding FOR $vector WHERE t.answerable = true LIMIT 10) SCORE AS score
            RETURN t.category AS category, 2 * score - 1 AS similarity
            ORDER BY similarity DESC
            """;

    private static final String OTHER_LABELLED =
            "MATCH (t:Ticket) WHERE t.category IS NOT NULL AND t.evaluation IS NULL RETURN count(t) AS n";

    private final CypherRunner cypher;
    private final SentenceEmbedder embedder;
    private final EmbeddingBackfill backfill;
    private final ClassifierTraining training;
    private final TicketClassifiers classifiers;
    private final SupportAnswering answering;
    private final SupportProperties properties;
    private final TunedEncoders encoders;
    private final TunedRetrieval tunedRetrieval;

    public SupportEvaluation(
            CypherRunner cypher,
            SentenceEmbedder embedder,
            EmbeddingBackfill backfill,
            ClassifierTraining training,
            TicketClassifiers classifiers,
            SupportAnswering answering,
            SupportProperties properties,
            TunedEncoders encoders,
            TunedRetrieval tunedRetrieval) {
        this.encoders = encoders;
        this.tunedRetrieval = tunedRetrieval;
        this.cypher = cypher;
        this.embedder = embedder;
        this.backfill = backfill;
        this.training = training;
        this.classifiers = classifiers;
        this.answering = answering;
        this.properties = properties;
    }

    /** Labelled tickets in the graph that are not the evaluation's own: they would train the classifier too. */
    public long otherLabelledTickets() {
        return cypher.read(OTHER_LABELLED, Map.of(), r -> r.get("n").asLong()).getFirst();
    }

    /**
     * @param holdout        share of each intent held out as questions
     * @param latencySamples held-out questions asked through the whole answer path (embedding, search, ranking,
     *                       classifier) to time it; the rest are scored through the index and classifier directly
     * @param progress       called with a phase name and a count
     */
    public SupportEvaluationReport run(
            List<LabelledQuestion> data, double holdout, int latencySamples, BiConsumer<String, Integer> progress) {
        return run(data, holdout, latencySamples, false, progress);
    }

    /**
     * @param fineTuneEncoder train the classifier with encoder fine-tuning (its own held-out tenth of the training
     *                        tickets decides between the tuned and the frozen encoder); the report then has the
     *                        intent accuracy of both on the held-out questions
     */
    public SupportEvaluationReport run(
            List<LabelledQuestion> data,
            double holdout,
            int latencySamples,
            boolean fineTuneEncoder,
            BiConsumer<String, Integer> progress) {
        List<Indexed> indexed = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            indexed.add(new Indexed("eval-" + (i + 1), data.get(i)));
        }
        StratifiedSplit<Indexed> split =
                StratifiedSplit.of(indexed, q -> q.question().category(), holdout, properties.randomSeed());
        if (split.validation().isEmpty()) {
            throw new IllegalArgumentException(
                    "Nothing is held out: each intent needs at least two questions, and holdout must be above 0");
        }
        for (int from = 0; from < split.train().size(); from += 1000) {
            List<Map<String, Object>> rows =
                    split.train().subList(from, Math.min(split.train().size(), from + 1000)).stream()
                            .map(q -> Map.<String, Object>of(
                                    "id",
                                    q.id(),
                                    "text",
                                    q.question().text(),
                                    "category",
                                    q.question().category()))
                            .toList();
            cypher.write(WRITE_TICKETS, Map.of("rows", rows, "resolution", RESOLUTION));
        }
        progress.accept("tickets written", split.train().size());
        BackfillReport embedded = backfill.run((done, total) -> progress.accept("embedded", done));
        ClassifierReport classifierReport = training.train(new ClassifierTraining.Options(
                fineTuneEncoder ? FINE_TUNING_HOLDOUT : 0.0, null, null, fineTuneEncoder));
        progress.accept("classifier trained", classifierReport.trainSize());
        if (fineTuneEncoder) {
            // a tuned encoder that retrieves better searches once its embeddings of the tickets are all there
            backfill.run((done, total) -> {});
            progress.accept("embedded by the tuned encoder", classifierReport.trainSize());
        }
        boolean searchedTuned = tunedRetrieval.serving().isPresent();

        List<String> truth =
                split.validation().stream().map(q -> q.question().category()).toList();
        List<float[]> vectors = embedder.embedAll(
                split.validation().stream().map(q -> q.question().text()).toList(), properties.batchSize());
        List<String> top1 = new ArrayList<>();
        List<String> vote10 = new ArrayList<>();
        for (float[] vector : vectors) {
            List<Map.Entry<String, Double>> nearest = cypher.read(
                    NEAREST,
                    Map.of("vector", vector),
                    r -> Map.entry(
                            r.get("category").asString(""), r.get("similarity").asDouble()));
            top1.add(nearest.isEmpty() ? null : nearest.getFirst().getKey());
            Map<String, Double> votes = new HashMap<>();
            nearest.forEach(e -> votes.merge(e.getKey(), Math.max(0, e.getValue()), Double::sum));
            vote10.add(votes.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse(null));
            if (top1.size() % 500 == 0) {
                progress.accept("questions searched", top1.size());
            }
        }
        TrainedClassifier classifier =
                classifiers.load(classifierReport.version()).orElseThrow();
        List<String> questions =
                split.validation().stream().map(q -> q.question().text()).toList();
        List<String> predicted = encoders.classify(classifier, questions, vectors).stream()
                .map(Prediction::category)
                .toList();
        List<String> predictedFrozen = classifier.frozen().predictAll(vectors).stream()
                .map(Prediction::category)
                .toList();
        MulticlassScores tunedNearest = null;
        if (classifier.encoderVersion() != null) {
            var tuned = encoders.load(classifier.encoderVersion());
            if (tuned.isPresent()) {
                tunedNearest = MulticlassScores.of(truth, nearestWith(tuned.get(), split.train(), questions));
                progress.accept("questions searched with the tuned encoder", questions.size());
            }
        }
        String commonest = split.train().stream()
                .collect(Collectors.groupingBy(q -> q.question().category(), TreeMap::new, Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();

        Map<String, String> ticketCategory = new HashMap<>();
        split.train().forEach(q -> ticketCategory.put(q.id(), q.question().category()));
        int samples = Math.min(latencySamples, split.validation().size());
        double[] millis = new double[samples];
        Map<Decision, int[]> decisions = new LinkedHashMap<>();
        for (Decision d : Decision.values()) {
            decisions.put(d, new int[2]);
        }
        for (int i = 0; i < samples; i++) {
            Indexed question = split.validation().get(i * split.validation().size() / samples);
            long started = System.nanoTime();
            SupportAnswer answer = answering.answer(question.question().text(), null, false);
            millis[i] = (System.nanoTime() - started) / 1e6;
            int[] outcome = decisions.get(answer.decision());
            outcome[0]++;
            String bestCategory = answer.sources().stream()
                    .filter(s -> s.kind() == SourceKind.TICKET)
                    .findFirst()
                    .map(AnswerSource::id)
                    .map(ticketCategory::get)
                    .orElse(null);
            if (question.question().category().equals(bestCategory)) {
                outcome[1]++;
            }
        }
        Arrays.sort(millis);
        Map<String, SupportEvaluationReport.DecisionOutcome> outcomes = new LinkedHashMap<>();
        decisions.forEach((d, c) -> outcomes.put(
                d.name(),
                new SupportEvaluationReport.DecisionOutcome(
                        c[0], samples == 0 ? 0 : (double) c[0] / samples, c[0] == 0 ? 0 : (double) c[1] / c[0])));
        int categories =
                (int) data.stream().map(LabelledQuestion::category).distinct().count();
        return new SupportEvaluationReport(
                data.size(),
                categories,
                split.train().size(),
                split.validation().size(),
                MulticlassScores.of(truth, top1),
                MulticlassScores.of(truth, vote10),
                MulticlassScores.of(truth, predicted),
                MulticlassScores.of(truth, predictedFrozen),
                tunedNearest,
                searchedTuned,
                MulticlassScores.of(truth, truth.stream().map(t -> commonest).toList()),
                classifierReport,
                embedded.sentencesPerSecond(),
                embedded.millis(),
                samples,
                percentile(millis, 0.50),
                percentile(millis, 0.90),
                percentile(millis, 0.99),
                outcomes);
    }

    private record Indexed(String id, LabelledQuestion question) {}

    /**
     * The intent of each question's nearest training ticket when both are embedded by this (tuned) encoder: the
     * tickets' text as the backfill embeds it, compared exhaustively in memory (the vector index holds the
     * frozen encoder's embeddings).
     */
    private List<String> nearestWith(SentenceEmbedder encoder, List<Indexed> tickets, List<String> questions) {
        List<float[]> ticketVectors = encoder.embedAll(
                tickets.stream()
                        .map(q -> SupportTexts.ticket(q.question().text(), null, RESOLUTION))
                        .toList(),
                properties.batchSize());
        List<float[]> questionVectors = encoder.embedAll(questions, properties.batchSize());
        List<String> nearest = new ArrayList<>(questions.size());
        for (float[] q : questionVectors) {
            nearest.add(tickets.get(org.crmgraph.language.Vectors.nearest(q, ticketVectors))
                    .question()
                    .category());
        }
        return nearest;
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
