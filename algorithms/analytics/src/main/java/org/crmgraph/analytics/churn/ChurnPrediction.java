package org.crmgraph.analytics.churn;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.crmgraph.analytics.AnalyticsProperties;
import org.crmgraph.analytics.gds.InMemoryGraph;
import org.crmgraph.analytics.purchase.PurchaseHistory;
import org.crmgraph.graph.cypher.CypherRunner;
import org.springframework.stereotype.Service;

/**
 * Transactional churn: a customer has churned when they buy nothing for {@code churn-days} (N) days. With
 * {@code T} the newest order, three snapshots of the customer–product graph are projected, each with the
 * customers' RFM features as of its time and nothing later:
 * <ul>
 *   <li><b>train</b> at T − 2N, labelled by whether the customer bought in [T − 2N, T − N);</li>
 *   <li><b>test</b> at T − N, labelled by [T − N, T]: a time-based split, the model is judged on a later
 *       period than it learnt from;</li>
 *   <li><b>score</b> at T, unlabelled: the probability of buying nothing in the next N days.</li>
 * </ul>
 * A GDS node-classification pipeline adds FastRP embeddings, PageRank and degree on the bipartite graph,
 * scales every feature, and chooses between logistic regression and a random forest by cross-validated F1 of
 * the churned class. Precision, recall, F1 and ROC-AUC on the test snapshot are stored on a
 * {@code (:ChurnModel {version})} node; each scored customer gets {@code churnRisk}, {@code churnModel} and
 * {@code churnFactors}. The pipeline, the model and every projection are dropped at the end: Community GDS
 * cannot persist models, and the scores are what the service serves.
 * <p>
 * Graded: the model's test metrics stand beside the best "no purchase in N days" rule ({@link RecencyRule}, N chosen
 * on the training snapshot, judged on the test snapshot), stored on the model node with the F1 lift over it.
 * <p>
 * Explained by a linear surrogate ({@link LinearExplanation}) of the scores: per model, the features by their
 * coefficient (log-odds per standard deviation); per customer, the features whose contribution (coefficient times the
 * customer's own standardised value) raises its risk most.
 */
@Service
public class ChurnPrediction {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChurnPrediction.class);

    static final int MIN_TRAINING_CUSTOMERS = 20;
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private static final String PROJECT = """
            MATCH (c:Customer)-[:PLACED]->(o:Order) WHERE o.placedAt < $at
            WITH c, count(o) AS frequency, sum(coalesce(o.total, 0.0)) AS spent, min(o.placedAt) AS first, max(o.placedAt) AS last
            CALL (c) {
              OPTIONAL MATCH (c)-[:CANCELLED]->(x:Cancellation) WHERE x.cancelledAt < $at
              RETURN coalesce(sum(x.total), 0.0) AS cancelled
            }
            CALL (c) {
              MATCH (c)-[:PLACED]->(o:Order)-[:CONTAINS]->(p:Product) WHERE o.placedAt < $at
              RETURN collect(DISTINCT p) AS products
            }
            WITH c, frequency, spent - cancelled AS monetary, first, last, products,
                 CASE WHEN $until IS NULL THEN 0
                      WHEN EXISTS { (c)-[:PLACED]->(n:Order) WHERE n.placedAt >= $at AND n.placedAt < $until } THEN 0
                      ELSE 1 END AS churned
            UNWIND products AS p
            RETURN gds.graph.project($graph, c, p, {
                     sourceNodeLabels: ['Customer'], targetNodeLabels: ['Product'], relationshipType: 'BOUGHT', targetNodeProperties: null,
                     sourceNodeProperties: {
                       recencyDays: toFloat(duration.inDays(last, $at).days), frequency: toFloat(frequency),
                       monetary: toFloat(monetary), tenureDays: toFloat(duration.inDays(first, $at).days),
                       avgOrderValue: toFloat(monetary) / frequency, products: toFloat(size(products)),
                       churned: churned}},
                   {undirectedRelationshipTypes: ['BOUGHT']}) AS projection
            """;
    private static final String LABELS = """
            CALL gds.graph.nodeProperty.stream($graph, 'churned', ['Customer']) YIELD propertyValue
            RETURN count(*) AS customers, sum(propertyValue) AS churned
            """;
    private static final List<String> PIPELINE = List.of(
            "CALL gds.beta.pipeline.nodeClassification.create($pipeline) YIELD name RETURN name",
            """
            CALL gds.beta.pipeline.nodeClassification.addNodeProperty($pipeline, 'fastRP', {mutateProperty: 'embedding',
                 embeddingDimension: 32, iterationWeights: [0.0, 1.0, 1.0], randomSeed: $seed, contextNodeLabels: ['Product']})
            YIELD name RETURN name""",
            """
            CALL gds.beta.pipeline.nodeClassification.addNodeProperty($pipeline, 'pageRank', {mutateProperty: 'pageRank',
                 contextNodeLabels: ['Product']})
            YIELD name RETURN name""",
            """
            CALL gds.beta.pipeline.nodeClassification.addNodeProperty($pipeline, 'degree', {mutateProperty: 'degree',
                 contextNodeLabels: ['Product']})
            YIELD name RETURN name""",
            """
            CALL gds.beta.pipeline.nodeClassification.addNodeProperty($pipeline, 'scaleProperties', {mutateProperty: 'scaled',
                 nodeProperties: ['recencyDays', 'frequency', 'monetary', 'tenureDays', 'avgOrderValue', 'products',
                                  'pageRank', 'degree'], scaler: 'StdScore'})
            YIELD name RETURN name""",
            "CALL gds.beta.pipeline.nodeClassification.selectFeatures($pipeline, ['scaled', 'embedding']) YIELD name RETURN name",
            "CALL gds.beta.pipeline.nodeClassification.configureSplit($pipeline, {testFraction: 0.2, validationFolds: 3}) YIELD name RETURN name",
            "CALL gds.beta.pipeline.nodeClassification.addLogisticRegression($pipeline, {penalty: 0.001, learningRate: 0.01, maxEpochs: 100, patience: 2}) YIELD name RETURN name",
            """
            CALL gds.beta.pipeline.nodeClassification.addRandomForest($pipeline, {numberOfDecisionTrees: 50, maxDepth: 8,
                 minSplitSize: 10})
            YIELD name RETURN name""");
    private static final String TRAIN = """
            CALL gds.beta.pipeline.nodeClassification.train($graph, {pipeline: $pipeline, modelName: $model,
                 targetNodeLabels: ['Customer'], targetProperty: 'churned', metrics: ['F1(class=1)', 'ACCURACY'],
                 randomSeed: $seed, concurrency: $concurrency})
            YIELD modelInfo
            RETURN modelInfo.bestParameters.methodName AS algorithm,
                   modelInfo.metrics.F1_class_1.validation.avg AS validationF1
            """;
    private static final String PREDICT = """
            CALL gds.beta.pipeline.nodeClassification.predict.stream($graph, {modelName: $model,
                 includePredictedProbabilities: true, targetNodeLabels: ['Customer'], concurrency: $concurrency})
            YIELD nodeId, predictedProbabilities
            RETURN gds.util.asNode(nodeId).id AS customer, predictedProbabilities[1] AS risk,
                   gds.util.nodeProperty($graph, nodeId, 'churned') AS churned,
                   [f IN $features | gds.util.nodeProperty($graph, nodeId, f)] AS features
            """;
    private static final String RECENCY_AND_LABEL = """
            CALL gds.graph.nodeProperty.stream($graph, 'recencyDays', ['Customer']) YIELD nodeId, propertyValue
            RETURN propertyValue AS recency, gds.util.nodeProperty($graph, nodeId, 'churned') AS churned
            """;
    private static final String DROP = """
            CALL gds.model.drop($model, false) YIELD modelName RETURN modelName
            """;
    private static final String DROP_PIPELINE = """
            CALL gds.pipeline.drop($pipeline, false) YIELD pipelineName RETURN pipelineName
            """;
    private static final String WRITE_SCORES = """
            UNWIND $rows AS row
            MATCH (c:Customer {id: row.customer})
            SET c.churnRisk = row.risk, c.churnFactors = row.factors, c.churnModel = $version
            """;
    private static final String CLEAR_UNSCORED = """
            MATCH (c:Customer) WHERE c.churnModel IS NOT NULL AND c.churnModel <> $version
            REMOVE c.churnRisk, c.churnFactors, c.churnModel
            """;
    private static final String STORE_MODEL = """
            CALL () { MATCH (m:ChurnModel {current: true}) SET m.current = false }
            CREATE (:ChurnModel {version: $version, current: true, trainedAt: datetime(), algorithm: $algorithm,
                                 horizonDays: $horizon, trainSnapshot: $trainAt, testSnapshot: $testAt, scoreSnapshot: $scoreAt,
                                 validationF1: $validationF1, precision: $precision, recall: $recall, f1: $f1,
                                 accuracy: $accuracy, rocAuc: $rocAuc, testCustomers: $testCustomers,
                                 testChurned: $testChurned, scored: $scored, topFeatures: $topFeatures,
                                 baselineDays: $baselineDays, baselinePrecision: $baselinePrecision,
                                 baselineRecall: $baselineRecall, baselineF1: $baselineF1,
                                 baselineRocAuc: $baselineRocAuc, f1Lift: $f1Lift, explanationR2: $explanationR2})
            """;

    private record Prediction(String customer, double risk, boolean churned, double[] features) {}

    private final CypherRunner cypher;
    private final AnalyticsProperties settings;

    public ChurnPrediction(CypherRunner cypher, AnalyticsProperties settings) {
        this.cypher = cypher;
        this.settings = settings;
    }

    public ChurnModelReport refresh() {
        OffsetDateTime newest = PurchaseHistory.newestOrder(cypher);
        if (newest == null) {
            return ChurnModelReport.skipped("there are no orders");
        }
        int horizon = settings.churnDays();
        OffsetDateTime scoreAt = newest.plusSeconds(1);
        OffsetDateTime testAt = scoreAt.minusDays(horizon);
        OffsetDateTime trainAt = testAt.minusDays(horizon);
        long started = System.nanoTime();
        String suffix = UUID.randomUUID().toString();
        String pipeline = "churn-pipeline-" + suffix;
        String model = "churn-model-" + suffix;
        String version = "churn-" + OffsetDateTime.now(ZoneOffset.UTC).format(VERSION) + "-" + suffix.substring(0, 4);
        try {
            String algorithm;
            double validationF1;
            RecencyRule rule;
            try (InMemoryGraph train = snapshot(trainAt, testAt)) {
                String notEnough = notEnoughToTrain(train);
                if (notEnough != null) {
                    return ChurnModelReport.skipped(notEnough);
                }
                rule = recencyRule(train);
                Map<String, Object> p = Map.of("pipeline", pipeline, "seed", settings.randomSeed());
                PIPELINE.forEach(step -> cypher.write(step, p));
                log.debug("churn: training snapshot projected and pipeline built in {} ms", elapsed(started));
                var trained = cypher.write(
                                TRAIN,
                                train.parameters(Map.of(
                                        "pipeline",
                                        pipeline,
                                        "model",
                                        model,
                                        "seed",
                                        settings.randomSeed(),
                                        "concurrency",
                                        settings.concurrency())),
                                r -> Map.entry(
                                        r.get("algorithm").asString(),
                                        r.get("validationF1").asDouble()))
                        .getFirst();
                algorithm = trained.getKey();
                validationF1 = trained.getValue();
                log.debug("churn: trained {} in {} ms", algorithm, elapsed(started));
            }
            List<Prediction> test;
            try (InMemoryGraph graph = snapshot(testAt, scoreAt)) {
                test = predict(graph, model);
            }
            log.debug("churn: test snapshot predicted in {} ms", elapsed(started));
            double[] probabilities = test.stream().mapToDouble(Prediction::risk).toArray();
            boolean[] labels = new boolean[test.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = test.get(i).churned();
            }
            ClassificationMetrics metrics = ClassificationMetrics.of(probabilities, labels, 0.5);
            int recency = ChurnFeatures.NAMES.indexOf("recencyDays");
            ClassificationMetrics baseline = rule.evaluate(
                    test.stream().mapToDouble(p -> p.features()[recency]).toArray(), labels);
            List<Prediction> scored;
            try (InMemoryGraph graph = snapshot(scoreAt, null)) {
                scored = predict(graph, model);
            }
            log.debug("churn: customers scored in {} ms", elapsed(started));
            LinearExplanation explanation = LinearExplanation.fit(
                    scored.stream().map(Prediction::features).toArray(double[][]::new),
                    scored.stream().mapToDouble(Prediction::risk).toArray());
            writeScores(scored, explanation, version);
            List<String> topFeatures = topFeatures(explanation);
            cypher.write(
                    STORE_MODEL,
                    storeParameters(
                            version,
                            algorithm,
                            horizon,
                            trainAt,
                            testAt,
                            scoreAt,
                            validationF1,
                            metrics,
                            scored.size(),
                            topFeatures,
                            rule,
                            baseline,
                            explanation));
            return new ChurnModelReport(
                    version,
                    algorithm,
                    horizon,
                    validationF1,
                    metrics,
                    topFeatures,
                    scored.size(),
                    null,
                    rule.days(),
                    baseline,
                    explanation == null ? Double.NaN : explanation.rSquared());
        } finally {
            cypher.write(DROP, Map.of("model", model));
            cypher.write(DROP_PIPELINE, Map.of("pipeline", pipeline));
        }
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private InMemoryGraph snapshot(OffsetDateTime at, OffsetDateTime until) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("at", at);
        parameters.put("until", until);
        return InMemoryGraph.project(cypher, "churn", PROJECT, parameters);
    }

    private String notEnoughToTrain(InMemoryGraph train) {
        if (train.isEmpty()) {
            return "nobody bought before the training snapshot; at least " + MIN_TRAINING_CUSTOMERS
                    + " customers are needed, with " + settings.churnDays() + " days of history twice over";
        }
        long[] counts = cypher.write(LABELS, train.parameters(Map.of()), r -> new long[] {
                    r.get("customers").asLong(), r.get("churned").asLong()
                })
                .getFirst();
        if (counts[0] < MIN_TRAINING_CUSTOMERS) {
            return "only " + counts[0] + " customers bought before the training snapshot, at least "
                    + MIN_TRAINING_CUSTOMERS + " are needed";
        }
        if (counts[1] == 0 || counts[1] == counts[0]) {
            return "every customer in the training snapshot has the same churn label";
        }
        return null;
    }

    private List<Prediction> predict(InMemoryGraph graph, String model) {
        return cypher.write(
                PREDICT,
                graph.parameters(
                        Map.of("model", model, "concurrency", settings.concurrency(), "features", ChurnFeatures.NAMES)),
                r -> new Prediction(
                        r.get("customer").asString(),
                        r.get("risk").asDouble(),
                        r.get("churned").asDouble() == 1.0,
                        r.get("features").asList(v -> v.asDouble()).stream()
                                .mapToDouble(Double::doubleValue)
                                .toArray()));
    }

    /** The best "no purchase in N days" rule on the training snapshot. */
    private RecencyRule recencyRule(InMemoryGraph train) {
        List<double[]> rows = cypher.write(RECENCY_AND_LABEL, train.parameters(Map.of()), r ->
                new double[] {r.get("recency").asDouble(), r.get("churned").asDouble()});
        double[] recency = rows.stream().mapToDouble(row -> row[0]).toArray();
        boolean[] churned = new boolean[rows.size()];
        for (int i = 0; i < churned.length; i++) {
            churned[i] = rows.get(i)[1] == 1.0;
        }
        return RecencyRule.choose(recency, churned);
    }

    private static List<String> topFeatures(LinearExplanation explanation) {
        if (explanation == null) {
            return List.of();
        }
        double[] coefficients = explanation.coefficients();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < coefficients.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -Math.abs(coefficients[i])));
        return order.stream()
                .map(i -> String.format(Locale.ROOT, "%s %+.2f", ChurnFeatures.NAMES.get(i), coefficients[i]))
                .toList();
    }

    // a contribution under a tenth of a log-odds (about 2 points of risk around 50%) is not worth saying
    private static final double NOTABLE = 0.1;

    private void writeScores(List<Prediction> scored, LinearExplanation explanation, String version) {
        List<Map<String, Object>> rows = new ArrayList<>(scored.size());
        for (Prediction p : scored) {
            List<String> factors = List.of();
            if (explanation != null) {
                double[] contribution = explanation.contributions(p.features());
                List<Integer> raising = new ArrayList<>();
                for (int f = 0; f < contribution.length; f++) {
                    if (contribution[f] > NOTABLE) {
                        raising.add(f);
                    }
                }
                raising.sort(Comparator.comparingDouble((Integer f) -> -contribution[f]));
                factors = raising.stream()
                        .limit(3)
                        .map(f -> String.format(
                                Locale.ROOT,
                                "%s (%+.2f)",
                                ChurnFeatures.describe(ChurnFeatures.NAMES.get(f), p.features()[f]),
                                contribution[f]))
                        .toList();
            }
            rows.add(Map.of(
                    "customer", p.customer(), "risk", Math.round(p.risk() * 10_000) / 10_000.0, "factors", factors));
        }
        for (int from = 0; from < rows.size(); from += 10_000) {
            cypher.write(
                    WRITE_SCORES,
                    Map.of("rows", rows.subList(from, Math.min(rows.size(), from + 10_000)), "version", version));
        }
        cypher.write(CLEAR_UNSCORED, Map.of("version", version));
    }

    private static Map<String, Object> storeParameters(
            String version,
            String algorithm,
            int horizon,
            OffsetDateTime trainAt,
            OffsetDateTime testAt,
            OffsetDateTime scoreAt,
            double validationF1,
            ClassificationMetrics m,
            int scored,
            List<String> topFeatures,
            RecencyRule rule,
            ClassificationMetrics baseline,
            LinearExplanation explanation) {
        Map<String, Object> p = new HashMap<>();
        p.put("baselineDays", rule.days());
        p.put("baselinePrecision", baseline.precision());
        p.put("baselineRecall", baseline.recall());
        p.put("baselineF1", baseline.f1());
        p.put("baselineRocAuc", Double.isNaN(baseline.rocAuc()) ? null : baseline.rocAuc());
        p.put("f1Lift", baseline.f1() == 0 ? null : m.f1() / baseline.f1());
        p.put("explanationR2", explanation == null ? null : explanation.rSquared());
        p.put("version", version);
        p.put("algorithm", algorithm);
        p.put("horizon", horizon);
        p.put("trainAt", trainAt);
        p.put("testAt", testAt);
        p.put("scoreAt", scoreAt);
        p.put("validationF1", validationF1);
        p.put("precision", m.precision());
        p.put("recall", m.recall());
        p.put("f1", m.f1());
        p.put("accuracy", m.accuracy());
        p.put("rocAuc", Double.isNaN(m.rocAuc()) ? null : m.rocAuc());
        p.put("testCustomers", m.examples());
        p.put("testChurned", m.positives());
        p.put("scored", scored);
        p.put("topFeatures", topFeatures);
        return p;
    }
}
