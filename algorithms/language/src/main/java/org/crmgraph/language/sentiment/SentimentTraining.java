package org.crmgraph.language.sentiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.lease.Lease;
import org.crmgraph.graph.lease.Leases;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.crmgraph.language.LabelledTexts;
import org.crmgraph.language.Script;
import org.crmgraph.language.SentimentProperties;
import org.crmgraph.language.SupportProperties;
import org.crmgraph.language.classifier.ClassifierHead;
import org.crmgraph.language.classifier.ModelVersions;
import org.crmgraph.language.classifier.MulticlassScores;
import org.crmgraph.language.classifier.StratifiedSplit;
import org.crmgraph.language.classifier.TrainedClassifier;
import org.crmgraph.language.embedding.SentenceEmbedder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Trains a sentiment model on DJL's PyTorch engine from a file of the organisation's own labelled messages: the
 * messages are embedded by the English sentence model, a stratified seeded split holds some out, a small network
 * learns the rest, and the held-out messages give its accuracy and macro-F1 beside the default model's. The new
 * version becomes current, and the background pass re-reads every message with it.
 */
@Service
public class SentimentTraining {

    private static final Logger log = LoggerFactory.getLogger(SentimentTraining.class);

    /** One training at a time among all instances. */
    public static final String LEASE = "sentiment-training";

    private final CypherRunner cypher;
    private final SentenceEmbedder embedder;
    private final SentimentAnalysis analysis;
    private final SentimentModels models;
    private final SentimentProperties properties;
    private final SupportProperties support;
    private final Leases leases;

    public SentimentTraining(
            CypherRunner cypher,
            SentenceEmbedder embedder,
            SentimentAnalysis analysis,
            SentimentModels models,
            SentimentProperties properties,
            SupportProperties support,
            Leases leases) {
        this.cypher = cypher;
        this.embedder = embedder;
        this.analysis = analysis;
        this.models = models;
        this.properties = properties;
        this.support = support;
        this.leases = leases;
    }

    /**
     * @param progress called with (messages embedded, all messages) while the messages are embedded
     * @throws InvalidArgumentException for a missing file or column, an empty cell or an unknown label (naming its row)
     * @throws SentimentTrainingException when the file has fewer than two labels, or another training runs
     */
    public SentimentModelReport train(
            Path dataset, String textColumn, String labelColumn, BiConsumer<Integer, Integer> progress)
            throws IOException {
        List<LabelledTexts.Row> rows =
                LabelledTexts.read(dataset, textColumn, labelColumn, properties.maxTrainingRows());
        List<Example> examples = new ArrayList<>(rows.size());
        for (LabelledTexts.Row row : rows) {
            SentimentLabel label = SentimentLabel.parse(row.label())
                    .orElseThrow(() -> new InvalidArgumentException(
                            ErrorCode.INVALID_FORMAT,
                            "labelColumn",
                            dataset.getFileName() + " row " + row.row() + ": the label '" + row.label()
                                    + "' is not one of negative, neutral, positive (any case)"));
            examples.add(new Example(row.text(), label));
        }
        Map<SentimentLabel, Long> perLabel = examples.stream()
                .collect(Collectors.groupingBy(
                        Example::label, () -> new EnumMap<>(SentimentLabel.class), Collectors.counting()));
        if (perLabel.size() < 2) {
            throw new SentimentTrainingException("Training needs messages of at least two labels; "
                    + dataset.getFileName() + " has " + examples.size() + " message(s), "
                    + (perLabel.isEmpty()
                            ? "none labelled"
                            : "all " + perLabel.keySet().iterator().next())
                    + ".");
        }
        try (Lease lease = leases.tryAcquire(LEASE)
                .orElseThrow(
                        () -> new SentimentTrainingException(
                                "A sentiment model is being trained already (here or on another instance); try again when it is done."))) {
            return trainLocked(dataset, examples, perLabel, progress, lease);
        }
    }

    private SentimentModelReport trainLocked(
            Path dataset,
            List<Example> examples,
            Map<SentimentLabel, Long> perLabel,
            BiConsumer<Integer, Integer> progress,
            Lease lease) {
        long started = System.nanoTime();
        long nonLatin = examples.stream()
                .filter(e -> Script.of(e.text()) != Script.LATIN)
                .count();
        if (nonLatin > 0) {
            log.warn(
                    "{} of {} training messages are not in Latin script; the trained model reads Latin-script text only",
                    nonLatin,
                    examples.size());
        }
        List<float[]> vectors = new ArrayList<>(examples.size());
        int chunk = support.batchSize() * 16;
        for (int from = 0; from < examples.size(); from += chunk) {
            List<String> texts = examples.subList(from, Math.min(examples.size(), from + chunk)).stream()
                    .map(Example::text)
                    .toList();
            vectors.addAll(embedder.embedAll(texts, support.batchSize()));
            lease.ensureHeld();
            progress.accept(vectors.size(), examples.size());
        }
        List<Embedded> embedded = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            embedded.add(new Embedded(vectors.get(i), examples.get(i).label()));
        }
        StratifiedSplit<Embedded> split =
                StratifiedSplit.of(embedded, e -> e.label().name(), properties.holdout(), support.randomSeed());
        List<SentimentLabel> labels = List.copyOf(perLabel.keySet());
        int[] targets =
                split.train().stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
        byte[] parameters = ClassifierHead.fit(
                "sentiment",
                split.train().stream().map(Embedded::vector).toList(),
                targets,
                labels.size(),
                properties.hidden(),
                properties.epochs(),
                support.randomSeed());
        List<String> labelNames = labels.stream().map(Enum::name).toList();
        int dimensions = vectors.getFirst().length;

        Map<String, Object> stored = new LinkedHashMap<>();
        if (!split.validation().isEmpty()) {
            List<String> truth =
                    split.validation().stream().map(e -> e.label().name()).toList();
            List<float[]> held =
                    split.validation().stream().map(Embedded::vector).toList();
            try (TrainedClassifier trained = TrainedClassifier.fromParameters(
                    0, labelNames, null, dimensions, properties.hidden(), parameters)) {
                MulticlassScores scores = MulticlassScores.of(
                        truth,
                        trained.predictAll(held).stream().map(p -> p.category()).toList());
                stored.put("accuracy", scores.accuracy());
                stored.put("macroF1", scores.macroF1());
            }
            MulticlassScores defaults = MulticlassScores.of(
                    truth,
                    analysis.defaultOfEnglishVectors(held).stream()
                            .map(s -> s.label().name())
                            .toList());
            stored.put("defaultAccuracy", defaults.accuracy());
            stored.put("defaultMacroF1", defaults.macroF1());
            String commonest = commonest(split.train());
            stored.put(
                    "majorityBaseline",
                    MulticlassScores.of(
                                    truth, truth.stream().map(t -> commonest).toList())
                            .accuracy());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        stored.put("dataset", dataset.getFileName().toString());
        stored.put("labels", labelNames);
        stored.put("dimensions", dimensions);
        stored.put("hidden", properties.hidden());
        stored.put("epochs", properties.epochs());
        stored.put("parameters", parameters);
        stored.put("embeddingModel", embedder.description());
        stored.put("trainSize", split.train().size());
        stored.put("validationSize", split.validation().size());
        stored.put("trainingMillis", millis);
        stored.put("engine", "PyTorch");
        lease.ensureHeld();
        long version = ModelVersions.saveCurrent(cypher, "SentimentModel", stored);
        log.info(
                "Sentiment model v{} trained on {} messages in {} ms: accuracy {}, macro-F1 {} (default {}, {})",
                version,
                split.train().size(),
                millis,
                stored.get("accuracy"),
                stored.get("macroF1"),
                stored.get("defaultAccuracy"),
                stored.get("defaultMacroF1"));
        return models.report(version).orElseThrow();
    }

    private static String commonest(List<Embedded> examples) {
        Map<String, Long> counts = examples.stream()
                .collect(Collectors.groupingBy(e -> e.label().name(), TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElseThrow();
    }

    private record Example(String text, SentimentLabel label) {}

    private record Embedded(float[] vector, SentimentLabel label) {}
}
