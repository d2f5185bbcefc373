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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
            RETURN t.id AS id, t.category AS category, t.priority AS priority, t.embedding AS embedding
            ORDER BY t.id
            """;

    private final CypherRunner cypher;
    private final SupportProperties properties;
    private final TicketClassifiers classifiers;
    /** The name of the lease a training holds: one at a time among all instances. */
    public static final String LEASE = "classifier-training";

    private final Leases leases;

    public ClassifierTraining(
            CypherRunner cypher, SupportProperties properties, TicketClassifiers classifiers, Leases leases) {
        this.cypher = cypher;
        this.leases = leases;
        this.properties = properties;
        this.classifiers = classifiers;
    }

    /** Options of one training; null fields take the {@code crm.support.classifier-*} settings. */
    public record Options(Double holdout, Integer epochs, Integer hidden) {

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
    }

    public ClassifierReport train(Options options) {
        double holdout = options.holdout() == null ? properties.classifierHoldout() : options.holdout();
        int epochs = options.epochs() == null ? properties.classifierEpochs() : options.epochs();
        int hidden = options.hidden() == null ? properties.classifierHidden() : options.hidden();
        checkRanges(holdout, epochs, hidden);
        try (Lease lease = leases.tryAcquire(LEASE)
                .orElseThrow(
                        () -> new ClassifierTrainingException(
                                "A ticket classifier is being trained already (here or on another instance); try again when it is done."))) {
            return trainLocked(holdout, epochs, hidden, lease);
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

    private ClassifierReport trainLocked(double holdout, int epochs, int hidden, Lease lease) {
        long started = System.nanoTime();
        List<LabelledTicket> tickets = cypher.read(
                LABELLED,
                Map.of(),
                r -> new LabelledTicket(
                        r.get("id").asString(),
                        r.get("category").asString(),
                        r.get("priority").asString(null),
                        Vectors.floats(r.get("embedding"))));
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
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<String, Object> stored = new LinkedHashMap<>();
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
