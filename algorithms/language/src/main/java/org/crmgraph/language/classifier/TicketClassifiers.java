package org.crmgraph.language.classifier;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.cypher.Records;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The ticket classifiers stored in the graph, one {@code (:TicketClassifier)} per version with its weights, and
 * the current one in memory. The graph is the source of truth, so every service instance in a cluster serves the
 * version the last training made current; a new version is loaded the first time it is asked for.
 */
@Component
public class TicketClassifiers implements AutoCloseable {

    private static final String REPORT_FIELDS = """
            m.version AS version, m.current AS current, m.trainedAt AS trainedAt, m.categories AS categories,
            m.trainSize AS trainSize, m.validationSize AS validationSize, m.accuracy AS accuracy, m.macroF1 AS macroF1,
            m.majorityBaseline AS majorityBaseline, m.epochs AS epochs, m.hidden AS hidden, m.trainingMillis AS trainingMillis,
            m.encoderVersion AS encoderVersion, m.frozenEncoderAccuracy AS frozenEncoderAccuracy,
            m.tunedEncoderAccuracy AS tunedEncoderAccuracy, m.tunedRetrievalAccuracy AS tunedRetrievalAccuracy,
            m.frozenRetrievalAccuracy AS frozenRetrievalAccuracy
            """;

    private static final String REPORTS =
            "MATCH (m:TicketClassifier) RETURN " + REPORT_FIELDS + " ORDER BY m.version DESC LIMIT $first";

    private static final String CURRENT_VERSION =
            "MATCH (m:TicketClassifier {current: true}) RETURN m.version AS version";

    private static final String WEIGHTS = """
            MATCH (m:TicketClassifier {version: $version})
            RETURN m.categories AS categories, m.priorities AS priorities, m.dimensions AS dimensions, m.hidden AS hidden,
                   m.parameters AS parameters, m.encoderVersion AS encoderVersion,
                   m.frozenHidden AS frozenHidden, m.frozenParameters AS frozenParameters
            """;

    private final CypherRunner cypher;
    private TrainedClassifier loaded;

    public TicketClassifiers(CypherRunner cypher) {
        this.cypher = cypher;
    }

    public List<ClassifierReport> reports(int first) {
        return cypher.read(REPORTS, Map.of("first", first), TicketClassifiers::report);
    }

    public Optional<ClassifierReport> report(long version) {
        return cypher.readOptional(
                "MATCH (m:TicketClassifier {version: $version}) RETURN " + REPORT_FIELDS,
                Map.of("version", version),
                TicketClassifiers::report);
    }

    public Optional<ClassifierReport> current() {
        return cypher.readOptional(
                "MATCH (m:TicketClassifier {current: true}) RETURN " + REPORT_FIELDS,
                Map.of(),
                TicketClassifiers::report);
    }

    public Optional<Long> currentVersion() {
        return cypher.readOptional(
                CURRENT_VERSION, Map.of(), r -> r.get("version").asLong());
    }

    /** The classifier of this version, loaded from the graph unless it is the one in memory. */
    public synchronized Optional<TrainedClassifier> load(Long version) {
        if (version == null) {
            return Optional.empty();
        }
        if (loaded != null && loaded.version() == version) {
            return Optional.of(loaded);
        }
        Optional<TrainedClassifier> fresh = cypher.readOptional(WEIGHTS, Map.of("version", version), r -> {
            List<String> categories = r.get("categories").asList(Value::asString);
            List<String> priorities = r.get("priorities").asList(Value::asString);
            int dimensions = r.get("dimensions").asInt();
            TrainedClassifier classifier = TrainedClassifier.fromParameters(
                    version,
                    categories,
                    priorities,
                    dimensions,
                    r.get("hidden").asInt(),
                    r.get("parameters").asByteArray());
            if (r.get("encoderVersion").isNull()) {
                return classifier;
            }
            return classifier.readingTunedEncoder(
                    r.get("encoderVersion").asLong(),
                    TrainedClassifier.fromParameters(
                            version,
                            categories,
                            priorities,
                            dimensions,
                            r.get("frozenHidden").asInt(),
                            r.get("frozenParameters").asByteArray()));
        });
        fresh.ifPresent(classifier -> {
            // the previous version may still be predicting on another thread; its native memory is small, so
            // it is left to the garbage collector instead of being closed under that caller
            loaded = classifier;
        });
        return fresh;
    }

    public Optional<TrainedClassifier> loadCurrent() {
        return load(currentVersion().orElse(null));
    }

    static ClassifierReport report(Record r) {
        return new ClassifierReport(
                r.get("version").asLong(),
                r.get("current").asBoolean(false),
                r.get("trainedAt").asZonedDateTime(),
                r.get("categories").asList(Value::asString),
                r.get("trainSize").asInt(),
                r.get("validationSize").asInt(),
                r.get("accuracy").isNull() ? null : r.get("accuracy").asDouble(),
                r.get("macroF1").isNull() ? null : r.get("macroF1").asDouble(),
                r.get("majorityBaseline").isNull()
                        ? null
                        : r.get("majorityBaseline").asDouble(),
                r.get("epochs").asInt(),
                r.get("hidden").asInt(),
                r.get("trainingMillis").asLong(),
                r.get("encoderVersion").isNull()
                        ? null
                        : r.get("encoderVersion").asLong(),
                Records.decimal(r.get("frozenEncoderAccuracy")),
                Records.decimal(r.get("tunedEncoderAccuracy")),
                Records.decimal(r.get("tunedRetrievalAccuracy")),
                Records.decimal(r.get("frozenRetrievalAccuracy")));
    }

    @Override
    public synchronized void close() {
        if (loaded != null) {
            loaded.close();
            loaded = null;
        }
    }
}
