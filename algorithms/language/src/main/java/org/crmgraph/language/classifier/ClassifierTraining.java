package org.crmgraph.language.classifier;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.lease.Lease;
import org.crmgraph.graph.lease.Leases;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.crmgraph.language.SupportProperties;
import org.crmgraph.language.Vectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Trains the ticket classifier on DJL's PyTorch engine from the tickets that have a category and an embedding
 * (embed pending tickets first: {@code EmbeddingBackfill}): a stratified,
 * seeded split holds some out, a small network learns the rest over their frozen sentence embeddings, the held-out
 * tickets give accuracy and macro-F1, and the weights become a new current {@code (:TicketClassifier)} version.
 */
@Service
public class ClassifierTraining {

    private static final Logger log = LoggerFactory.getLogger(ClassifierTraining.class);

    private static final String LABELLED = """
            MATCH (t:Ticket)
            WHERE t.category IS NOT NULL AND t.embedding IS NOT NULL
            RETURN t.id AS id, t.category AS category, t.priority AS priority, t.embedding AS embedding,
                   t.subject AS subject, t.body AS body, t.resolution AS resolution
            ORDER BY t.id
            """;

    private final CypherRunner cypher;
    private final SupportProperties properties;
    private final TicketClassifiers classifiers;
    /** The name of the lease a training holds: one at a time among all instances. */
    public static final String LEASE = "classifier-training";

    private final Leases leases;
    private final ObjectProvider<EncoderTuner> tuner;

    // the share of a fine-tuning training its tuning steps take
    private static final double FINE_TUNING_START = 0.05;
    private static final double FINE_TUNING_END = 0.95;

    public ClassifierTraining(
            CypherRunner cypher,
            SupportProperties properties,
            TicketClassifiers classifiers,
            Leases leases,
            ObjectProvider<EncoderTuner> tuner) {
        this.cypher = cypher;
        this.tuner = tuner;
        this.leases = leases;
        this.properties = properties;
        this.classifiers = classifiers;
    }

    /**
     * Options of one training; null fields take the {@code crm.support.classifier-*} settings.
     *
     * @param fineTuneEncoder also fine-tune the sentence encoder with the classifier
     *                        ({@code crm.support.fine-tuning.*}); the tuned encoder serves only when it classifies
     *                        the held-out tickets better than the frozen one
     */
    public record Options(Double holdout, Integer epochs, Integer hidden, boolean fineTuneEncoder) {

        public Options(Double holdout, Integer epochs, Integer hidden) {
            this(holdout, epochs, hidden, false);
        }

        public static Options defaults() {
            return new Options(null, null, null);
        }
    }

    /**
     * Checks the options as {@link #train} would, without training: a job started in the background says at once
     * what is wrong with its arguments.
     *
     * @throws InvalidArgumentException OUT_OF_RANGE naming the option
     */
    public void check(Options options) {
        double holdout = options.holdout() == null ? properties.classifierHoldout() : options.holdout();
        int epochs = options.epochs() == null ? properties.classifierEpochs() : options.epochs();
        int hidden = options.hidden() == null ? properties.classifierHidden() : options.hidden();
        checkRanges(holdout, epochs, hidden);
        checkFineTuning(options, holdout);
    }

    private static void checkFineTuning(Options options, double holdout) {
        if (options.fineTuneEncoder() && holdout <= 0) {
            throw InvalidArgumentException.outOfRange(
                    "holdout",
                    "fine-tuning the encoder needs held-out tickets to compare it with the frozen one; holdout was "
                            + holdout);
        }
    }

    /** What a training is doing now, and how far it is (0 to 1), for a job's followers. */
    @FunctionalInterface
    public interface Progress {
        void at(String step, double share);

        Progress NONE = (step, share) -> {};
    }

    public ClassifierReport train(Options options) {
        return train(options, Progress.NONE);
    }

    /**
     * @param progress told {@code CLASSIFIER} at the start, then (when fine-tuning) {@code FINE_TUNING} as its steps
     *                 go by and {@code SAVING} once they and the validation are done
     */
    public ClassifierReport train(Options options, Progress progress) {
        double holdout = options.holdout() == null ? properties.classifierHoldout() : options.holdout();
        int epochs = options.epochs() == null ? properties.classifierEpochs() : options.epochs();
        int hidden = options.hidden() == null ? properties.classifierHidden() : options.hidden();
        checkRanges(holdout, epochs, hidden);
        checkFineTuning(options, holdout);
        try (Lease lease = leases.tryAcquire(LEASE)
                .orElseThrow(
                        () -> new ClassifierTrainingException(
                                "A ticket classifier is being trained already (here or on another instance); try again when it is done."))) {
            return trainLocked(holdout, epochs, hidden, options.fineTuneEncoder(), lease, progress);
        }
    }

    private static void checkRanges(double holdout, int epochs, int hidden) {
        if (holdout < 0 || holdout > 0.5) {
            throw InvalidArgumentException.outOfRange("holdout", "holdout must be between 0 and 0.5, was " + holdout);
        }
        if (epochs < 1 || epochs > 1000) {
            throw InvalidArgumentException.outOfRange("epochs", "epochs must be between 1 and 1000, was " + epochs);
        }
        if (hidden < 0 || hidden > 4096) {
            throw InvalidArgumentException.outOfRange("hidden", "hidden must be between 0 and 4096, was " + hidden);
        }
    }

    private ClassifierReport trainLocked(
            double holdout, int epochs, int hidden, boolean fineTune, Lease lease, Progress progress) {
        long started = System.nanoTime();
        // with fine-tuning the classifier is a few seconds of several minutes; the steps of tuning are the rest
        progress.at("CLASSIFIER", 0.0);
        List<LabelledTicket> tickets = cypher.read(
                LABELLED,
                Map.of(),
                r -> new LabelledTicket(
                        r.get("id").asString(),
                        r.get("category").asString(),
                        r.get("priority").asString(null),
                        Vectors.floats(r.get("embedding")),
                        customerWords(
                                r.get("subject").asString(null), r.get("body").asString(null)),
                        indexed(
                                r.get("subject").asString(null),
                                r.get("body").asString(null),
                                r.get("resolution").asString(null))));
        Map<String, Long> perCategory = tickets.stream()
                .collect(Collectors.groupingBy(LabelledTicket::category, TreeMap::new, Collectors.counting()));
        if (perCategory.size() < 2) {
            throw new ClassifierTrainingException(
                    "Training needs tickets of at least two categories with embeddings; found "
                            + tickets.size() + " labelled ticket(s) in " + perCategory.size()
                            + " category(ies). Set Ticket.category on resolved "
                            + "tickets, and run the embed command if they were written while the service was down.");
        }
        StratifiedSplit<LabelledTicket> split =
                StratifiedSplit.of(tickets, LabelledTicket::category, holdout, properties.randomSeed());
        List<String> categories = List.copyOf(new TreeSet<>(perCategory.keySet()));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            index.put(categories.get(i), i);
        }
        int dimensions = tickets.getFirst().embedding().length;

        int[] labels =
                split.train().stream().mapToInt(t -> index.get(t.category())).toArray();
        byte[] parameters = ClassifierHead.fit(
                "ticket-classifier",
                split.train().stream().map(LabelledTicket::embedding).toList(),
                labels,
                categories.size(),
                hidden,
                epochs,
                properties.randomSeed());

        List<String> priorities =
                categories.stream().map(commonestPriority(tickets)).toList();
        Double accuracy = null;
        Double macroF1 = null;
        Double majority = null;
        if (!split.validation().isEmpty()) {
            try (TrainedClassifier trained =
                    TrainedClassifier.fromParameters(0, categories, priorities, dimensions, hidden, parameters)) {
                List<String> predicted =
                        trained
                                .predictAll(split.validation().stream()
                                        .map(LabelledTicket::embedding)
                                        .toList())
                                .stream()
                                .map(Prediction::category)
                                .toList();
                List<String> truth = split.validation().stream()
                        .map(LabelledTicket::category)
                        .toList();
                MulticlassScores scores = MulticlassScores.of(truth, predicted);
                accuracy = scores.accuracy();
                macroF1 = scores.macroF1();
                String commonest = commonest(
                        split.train().stream().map(LabelledTicket::category).toList());
                majority = MulticlassScores.of(
                                truth, truth.stream().map(t -> commonest).toList())
                        .accuracy();
            }
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        if (fineTune) {
            FineTuned tuned =
                    fineTune(split, categories, index, priorities, dimensions, hidden, parameters, lease, progress);
            stored.put("frozenEncoderAccuracy", tuned.frozenAccuracy());
            stored.put("tunedEncoderAccuracy", tuned.tunedAccuracy());
            if (tuned.encoderVersion() != null) {
                stored.put("encoderVersion", tuned.encoderVersion());
                stored.put("tunedRetrievalAccuracy", tuned.tunedRetrievalAccuracy());
                stored.put("frozenRetrievalAccuracy", tuned.frozenRetrievalAccuracy());
                stored.put("frozenHidden", hidden);
                stored.put("frozenParameters", parameters);
                parameters = tuned.headParameters();
                hidden = 0;
                accuracy = tuned.tunedAccuracy();
                macroF1 = tuned.tunedMacroF1();
                dimensions = tuned.dimensions();
            } else {
                accuracy = tuned.frozenAccuracy();
                macroF1 = tuned.frozenMacroF1();
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        stored.put("categories", categories);
        stored.put("priorities", priorities);
        stored.put("dimensions", dimensions);
        stored.put("hidden", hidden);
        stored.put("epochs", epochs);
        stored.put("parameters", parameters);
        stored.put("trainSize", split.train().size());
        stored.put("validationSize", split.validation().size());
        stored.put("accuracy", accuracy);
        stored.put("macroF1", macroF1);
        stored.put("majorityBaseline", majority);
        stored.put("trainingMillis", millis);
        stored.put("engine", "PyTorch");
        // another instance may have started training after our lease lapsed: its version, not a stale one, is next
        lease.ensureHeld();
        long version = ModelVersions.saveCurrent(cypher, "TicketClassifier", stored);
        log.info(
                "Ticket classifier v{} trained on {} tickets in {} categories in {} ms: accuracy {}, macro-F1 {}",
                version,
                split.train().size(),
                categories.size(),
                millis,
                accuracy,
                macroF1);
        return classifiers.report(version).orElseThrow();
    }

    /** What a fine-tuning measured; {@code encoderVersion} is set when the tuned encoder won and was kept. */
    private record FineTuned(
            @Nullable Double tunedRetrievalAccuracy,
            @Nullable Double frozenRetrievalAccuracy,
            double frozenAccuracy,
            double frozenMacroF1,
            double tunedAccuracy,
            double tunedMacroF1,
            @Nullable Long encoderVersion,
            byte[] headParameters,
            int dimensions) {}

    /**
     * Fine-tunes the encoder on the training tickets' own words and compares it, on the held-out tickets' words
     * (what a question or a new ticket looks like: no resolution), with the frozen classifier just trained.
     */
    private FineTuned fineTune(
            StratifiedSplit<LabelledTicket> split,
            List<String> categories,
            Map<String, Integer> index,
            List<String> priorities,
            int dimensions,
            int hidden,
            byte[] frozenParameters,
            Lease lease,
            Progress progress) {
        EncoderTuner encoderTuner = tuner.getIfAvailable();
        if (encoderTuner == null) {
            throw new ClassifierTrainingException("This service has no encoder that can be fine-tuned.");
        }
        List<String> validationTexts =
                split.validation().stream().map(LabelledTicket::text).toList();
        List<String> truth =
                split.validation().stream().map(LabelledTicket::category).toList();
        MulticlassScores frozen;
        List<float[]> frozenValidation = encoderTuner.frozen(validationTexts);
        try (TrainedClassifier classifier =
                TrainedClassifier.fromParameters(0, categories, priorities, dimensions, hidden, frozenParameters)) {
            frozen = MulticlassScores.of(
                    truth,
                    classifier.predictAll(frozenValidation).stream()
                            .map(Prediction::category)
                            .toList());
        }
        EncoderTuner.Candidate candidate;
        try {
            candidate = encoderTuner.tune(
                    split.train().stream().map(LabelledTicket::text).toList(),
                    split.train().stream()
                            .mapToInt(t -> index.get(t.category()))
                            .toArray(),
                    categories.size(),
                    validationTexts,
                    properties.randomSeed(),
                    share -> progress.at(
                            "FINE_TUNING", FINE_TUNING_START + share * (FINE_TUNING_END - FINE_TUNING_START)));
            progress.at("SAVING", FINE_TUNING_END);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ClassifierTrainingException("Fine-tuning the encoder failed: " + e.getMessage());
        }
        MulticlassScores tuned = MulticlassScores.of(
                truth,
                java.util.Arrays.stream(candidate.validationPredictions())
                        .mapToObj(categories::get)
                        .toList());
        boolean wins = tuned.accuracy() > frozen.accuracy()
                && tuned.accuracy() - frozen.accuracy() >= encoderTuner.minimumGain();
        log.info(
                "Fine-tuned encoder: held-out accuracy {} against {} with the frozen encoder ({} steps); {}",
                tuned.accuracy(),
                frozen.accuracy(),
                candidate.steps(),
                wins ? "the tuned encoder serves" : "the frozen encoder stays");
        if (!wins) {
            return new FineTuned(
                    null,
                    null,
                    frozen.accuracy(),
                    frozen.macroF1(),
                    tuned.accuracy(),
                    tuned.macroF1(),
                    null,
                    new byte[0],
                    dimensions);
        }
        // retrieval: each held-out ticket's words against the training tickets as the index holds them (with their
        // resolution), through each encoder; the tuned one searches only if it finds the right category more often
        List<String> trainCategories =
                split.train().stream().map(LabelledTicket::category).toList();
        double frozenRetrieval = nearestAccuracy(
                frozenValidation,
                split.train().stream().map(LabelledTicket::embedding).toList(),
                trainCategories,
                truth);
        List<float[]> tunedVectors = candidate.embed(java.util.stream.Stream.concat(
                        validationTexts.stream(), split.train().stream().map(LabelledTicket::indexedText))
                .toList());
        double tunedRetrieval = nearestAccuracy(
                tunedVectors.subList(0, validationTexts.size()),
                tunedVectors.subList(validationTexts.size(), tunedVectors.size()),
                trainCategories,
                truth);
        boolean retrieves =
                tunedRetrieval > frozenRetrieval && tunedRetrieval - frozenRetrieval >= encoderTuner.minimumGain();
        log.info(
                "Fine-tuned encoder: held-out retrieval accuracy {} against {} with the frozen encoder; {}",
                tunedRetrieval,
                frozenRetrieval,
                retrieves ? "the tuned encoder searches" : "the frozen encoder searches");
        // minutes went by: another instance may have taken over the training, and its encoder is the one to keep
        lease.ensureHeld();
        long encoderVersion = candidate.keep(Map.of(
                "heldOutAccuracy", tuned.accuracy(),
                "frozenHeldOutAccuracy", frozen.accuracy(),
                "retrieval", retrieves,
                "retrievalAccuracy", tunedRetrieval,
                "frozenRetrievalAccuracy", frozenRetrieval,
                "trainSize", split.train().size(),
                "steps", candidate.steps()));
        return new FineTuned(
                tunedRetrieval,
                frozenRetrieval,
                frozen.accuracy(),
                frozen.macroF1(),
                tuned.accuracy(),
                tuned.macroF1(),
                encoderVersion,
                ClassifierHead.linear(candidate.head(), candidate.bias()),
                candidate.head()[0].length);
    }

    /** The share of {@code queries} whose nearest {@code documents} (cosine) has the query's category. */
    private static double nearestAccuracy(
            List<float[]> queries, List<float[]> documents, List<String> documentCategories, List<String> truth) {
        int right = 0;
        for (int q = 0; q < queries.size(); q++) {
            int best = Vectors.nearest(queries.get(q), documents);
            if (best >= 0 && documentCategories.get(best).equals(truth.get(q))) {
                right++;
            }
        }
        return queries.isEmpty() ? 0 : (double) right / queries.size();
    }

    /** A ticket as the embedding backfill reads it (SupportTexts): its words, then its resolution. */
    private static String indexed(@Nullable String subject, @Nullable String body, @Nullable String resolution) {
        String words = customerWords(subject, body);
        String r = resolution == null ? "" : resolution.strip();
        return words.isEmpty() ? r : r.isEmpty() ? words : words + "\n" + r;
    }

    /** A ticket as its customer wrote it: subject and body, without the resolution the support team added. */
    private static String customerWords(@Nullable String subject, @Nullable String body) {
        String s = subject == null ? "" : subject.strip();
        String b = body == null ? "" : body.strip();
        return s.isEmpty() ? b : b.isEmpty() ? s : s + "\n" + b;
    }

    private static Function<String, String> commonestPriority(List<LabelledTicket> tickets) {
        Map<String, List<String>> byCategory = tickets.stream()
                .filter(t -> t.priority() != null)
                .collect(Collectors.groupingBy(
                        LabelledTicket::category, Collectors.mapping(LabelledTicket::priority, Collectors.toList())));
        return category -> {
            List<String> seen = byCategory.get(category);
            return seen == null ? "MEDIUM" : commonest(seen);
        };
    }

    private static String commonest(List<String> values) {
        Map<String, Long> counts =
                values.stream().collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElseThrow();
    }
}
