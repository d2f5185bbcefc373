package org.crmgraph.language.sentiment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.language.classifier.TrainedClassifier;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The trained sentiment models, one {@code (:SentimentModel)} per version with its weights, the current one in
 * memory. As with the ticket classifier the graph is the source of truth, so every instance uses the version the
 * last training made current.
 */
@Component
public class SentimentModels {

    private static final String REPORT_FIELDS = """
            m.version AS version, m.current AS current, m.trainedAt AS trainedAt, m.dataset AS dataset,
            m.labels AS labels, m.trainSize AS trainSize, m.validationSize AS validationSize, m.accuracy AS accuracy,
            m.macroF1 AS macroF1, m.defaultAccuracy AS defaultAccuracy, m.defaultMacroF1 AS defaultMacroF1,
            m.majorityBaseline AS majorityBaseline, m.epochs AS epochs, m.hidden AS hidden, m.trainingMillis AS trainingMillis
            """;

    private static final String WEIGHTS = """
            MATCH (m:SentimentModel {version: $version})
            RETURN m.labels AS labels, m.dimensions AS dimensions, m.hidden AS hidden, m.parameters AS parameters
            """;

    private final CypherRunner cypher;
    private volatile TrainedClassifier loaded;

    public SentimentModels(CypherRunner cypher) {
        this.cypher = cypher;
    }

    public List<SentimentModelReport> reports(int first) {
        return cypher.read(
                "MATCH (m:SentimentModel) RETURN " + REPORT_FIELDS + " ORDER BY m.version DESC LIMIT $first",
                Map.of("first", first),
                SentimentModels::report);
    }

    public Optional<SentimentModelReport> report(long version) {
        return cypher.readOptional(
                "MATCH (m:SentimentModel {version: $version}) RETURN " + REPORT_FIELDS,
                Map.of("version", version),
                SentimentModels::report);
    }

    public Optional<Long> currentVersion() {
        return cypher.readOptional(
                "MATCH (m:SentimentModel {current: true}) RETURN m.version AS version",
                Map.of(),
                r -> r.get("version").asLong());
    }

    /** The current trained model, loaded from the graph unless it is the one in memory; empty before any training. */
    public Optional<TrainedClassifier> current() {
        Optional<Long> version = currentVersion();
        if (version.isEmpty()) {
            return Optional.empty();
        }
        TrainedClassifier model = loaded;
        if (model != null && model.version() == version.get()) {
            return Optional.of(model);
        }
        synchronized (this) {
            if (loaded == null || loaded.version() != version.get()) {
                // the previous version may still be predicting on another thread: left to the garbage collector
                loaded = cypher.readOptional(
                                WEIGHTS,
                                Map.of("version", version.get()),
                                r -> TrainedClassifier.fromParameters(
                                        version.get(),
                                        r.get("labels").asList(Value::asString),
                                        null,
                                        r.get("dimensions").asInt(),
                                        r.get("hidden").asInt(),
                                        r.get("parameters").asByteArray()))
                        .orElse(null);
            }
            return Optional.ofNullable(loaded);
        }
    }

    static SentimentModelReport report(Record r) {
        return new SentimentModelReport(
                r.get("version").asLong(),
                r.get("current").asBoolean(false),
                r.get("trainedAt").asZonedDateTime(),
                r.get("dataset").asString(null),
                r.get("labels").asList(Value::asString),
                r.get("trainSize").asInt(),
                r.get("validationSize").asInt(),
                nullable(r.get("accuracy")),
                nullable(r.get("macroF1")),
                nullable(r.get("defaultAccuracy")),
                nullable(r.get("defaultMacroF1")),
                nullable(r.get("majorityBaseline")),
                r.get("epochs").asInt(),
                r.get("hidden").asInt(),
                r.get("trainingMillis").asLong());
    }

    private static Double nullable(Value value) {
        return value.isNull() ? null : value.asDouble();
    }
}
