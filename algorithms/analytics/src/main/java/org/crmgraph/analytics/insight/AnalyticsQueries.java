package org.crmgraph.analytics.insight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmgraph.analytics.AnalyticsStep;
import org.crmgraph.analytics.StepResult;
import org.crmgraph.analytics.segment.Segment;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.cypher.Records;
import org.crmgraph.graph.product.Product;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/** Reads what analytics refreshes wrote: per customer and per community (batched), segments, churn models, runs. */
@Service
public class AnalyticsQueries {

    private static final String INSIGHTS = """
            UNWIND $ids AS id
            MATCH (c:Customer {id: id})
            OPTIONAL MATCH (c)-[:IN_SEGMENT]->(s:Segment)
            OPTIONAL MATCH (c)-[:IN_COMMUNITY]->(k:Community)
            RETURN c {.id, .recencyDays, .frequency, .monetary, .avgOrderValue, .lifetimeValue, .rScore, .fScore,
                      .mScore, .rfm, .firstPurchaseAt, .lastPurchaseAt, .metricsAsOf, .churnRisk, .churnFactors,
                      .predictedLifetimeValue, .probabilityAlive, .expectedPurchases} AS c,
                   s, k
            """;
    private static final String SEGMENTS = """
            MATCH (s:Segment)
            RETURN s ORDER BY coalesce(s.rank, s.id)
            """;
    private static final String COMMUNITIES = """
            MATCH (k:Community) WHERE $ids IS NULL OR k.id IN $ids
            RETURN k ORDER BY coalesce(k.rank, k.id) LIMIT $first
            """;
    private static final String COMMUNITY_PRODUCTS = """
            UNWIND $ids AS id
            MATCH (k:Community {id: id})
            CALL (k) {
              MATCH (k)-[r:CHARACTERISED_BY]->(p:Product)
              %1$s
              WITH r, p, category ORDER BY r.rank
              RETURN collect({product: %2$s, buyers: r.buyers, share: r.share, lift: r.lift}) AS characteristic
            }
            CALL (k) {
              MATCH (k)-[r:FAVOURS]->(p:Product)
              %1$s
              WITH r, p, category ORDER BY r.rank LIMIT 10
              RETURN collect({product: %2$s, buyers: r.buyers, share: r.share, lift: r.lift}) AS favourites
            }
            RETURN k.id AS id, characteristic, favourites
            """.formatted(Product.RELATED, Product.PROJECTION);
    private static final String CHURN_MODELS = """
            MATCH (m:ChurnModel) WHERE NOT $currentOnly OR m.current
            RETURN m ORDER BY m.trainedAt DESC LIMIT $first
            """;
    private static final String RUNS = """
            MATCH (r:AnalyticsRun)
            RETURN r ORDER BY r.startedAt DESC LIMIT $first
            """;

    private final CypherRunner cypher;

    public AnalyticsQueries(CypherRunner cypher) {
        this.cypher = cypher;
    }

    public Map<String, CustomerInsight> insights(Collection<String> customerIds) {
        Map<String, CustomerInsight> found = new LinkedHashMap<>();
        cypher.read(INSIGHTS, Map.of("ids", List.copyOf(customerIds)), r -> {
            Value c = r.get("c");
            Rfm rfm = c.get("rfm").isNull()
                    ? null
                    : new Rfm(
                            c.get("recencyDays").asLong(),
                            c.get("frequency").asLong(),
                            c.get("monetary").asDouble(),
                            c.get("avgOrderValue").asDouble(),
                            c.get("lifetimeValue").asDouble(),
                            c.get("rScore").asInt(),
                            c.get("fScore").asInt(),
                            c.get("mScore").asInt(),
                            c.get("rfm").asString(),
                            Records.dateTime(c.get("firstPurchaseAt")),
                            Records.dateTime(c.get("lastPurchaseAt")),
                            Records.dateTime(c.get("metricsAsOf")));
            CustomerInsight insight = new CustomerInsight(
                    c.get("id").asString(),
                    rfm,
                    r.get("s").isNull() ? null : segment(r.get("s")),
                    r.get("k").isNull() ? null : community(r.get("k")),
                    c.get("churnRisk").isNull() ? null : c.get("churnRisk").asDouble(),
                    c.get("churnFactors").isNull()
                            ? List.of()
                            : c.get("churnFactors").asList(Value::asString),
                    Records.decimal(c.get("predictedLifetimeValue")),
                    Records.decimal(c.get("probabilityAlive")),
                    Records.decimal(c.get("expectedPurchases")));
            return found.put(insight.customerId(), insight);
        });
        return found;
    }

    public List<Segment> segments() {
        return cypher.read(SEGMENTS, Map.of(), r -> segment(r.get("s")));
    }

    private static Segment segment(Value s) {
        return new Segment(
                s.get("id").asInt(),
                s.get("rank").asInt(s.get("id").asInt()),
                s.get("label").asString(),
                s.get("size").asInt(),
                s.get("centroidRecencyDays").asDouble(),
                s.get("centroidFrequency").asDouble(),
                s.get("centroidMonetary").asDouble());
    }

    private static Community community(Value k) {
        return new Community(
                k.get("id").asInt(),
                k.get("rank").asInt(k.get("id").asInt()),
                k.get("size").asInt());
    }

    /** The largest communities first; {@code ids} null for all. */
    public List<Community> communities(Collection<Integer> ids, int first) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("ids", ids == null ? null : List.copyOf(ids));
        parameters.put("first", first);
        return cypher.read(COMMUNITIES, parameters, r -> community(r.get("k")));
    }

    /** Community id → its characteristic and favourite products, in one query for all the ids. */
    public Map<Integer, CommunityProducts> communityProducts(Collection<Integer> ids) {
        Map<Integer, CommunityProducts> found = new LinkedHashMap<>();
        cypher.read(
                COMMUNITY_PRODUCTS,
                Map.of("ids", List.copyOf(ids)),
                r -> found.put(
                        r.get("id").asInt(),
                        new CommunityProducts(products(r.get("characteristic")), products(r.get("favourites")))));
        return found;
    }

    public Optional<ChurnModelInfo> currentChurnModel() {
        return churnModels(true, 1).stream().findFirst();
    }

    public List<ChurnModelInfo> churnModels(boolean currentOnly, int first) {
        return cypher.read(CHURN_MODELS, Map.of("currentOnly", currentOnly, "first", first), r -> {
            Value m = r.get("m");
            return new ChurnModelInfo(
                    m.get("version").asString(),
                    m.get("current").asBoolean(false),
                    m.get("algorithm").asString(),
                    m.get("horizonDays").asInt(),
                    Records.dateTime(m.get("trainedAt")),
                    Records.dateTime(m.get("trainSnapshot")),
                    Records.dateTime(m.get("testSnapshot")),
                    m.get("validationF1").asDouble(),
                    m.get("precision").asDouble(),
                    m.get("recall").asDouble(),
                    m.get("f1").asDouble(),
                    m.get("accuracy").asDouble(),
                    m.get("rocAuc").isNull() ? null : m.get("rocAuc").asDouble(),
                    m.get("testCustomers").asInt(),
                    m.get("testChurned").asInt(),
                    m.get("scored").asInt(),
                    m.get("topFeatures").asList(Value::asString),
                    m.get("baselineDays").isNull()
                            ? null
                            : new ChurnModelInfo.Baseline(
                                    (int) Math.round(m.get("baselineDays").asDouble()),
                                    m.get("baselinePrecision").asDouble(),
                                    m.get("baselineRecall").asDouble(),
                                    m.get("baselineF1").asDouble(),
                                    Records.decimal(m.get("baselineRocAuc"))),
                    Records.decimal(m.get("f1Lift")),
                    Records.decimal(m.get("explanationR2")));
        });
    }

    public List<AnalyticsRunInfo> runs(int first) {
        return cypher.read(RUNS, Map.of("first", first), r -> {
            Value run = r.get("r");
            List<String> steps = run.get("steps").asList(Value::asString);
            List<Long> millis = run.get("stepMillis").asList(Value::asLong);
            List<String> summaries = run.get("summaries").asList(Value::asString);
            List<StepResult> results = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                results.add(new StepResult(AnalyticsStep.valueOf(steps.get(i)), millis.get(i), summaries.get(i)));
            }
            return new AnalyticsRunInfo(
                    run.get("id").asString(),
                    Records.dateTime(run.get("startedAt")),
                    Records.dateTime(run.get("finishedAt")),
                    run.get("millis").asLong(),
                    results);
        });
    }

    private static List<CommunityProduct> products(Value list) {
        List<CommunityProduct> products = new ArrayList<>();
        for (Value v : list.values()) {
            products.add(new CommunityProduct(
                    Product.from(v.get("product")),
                    v.get("buyers").asInt(),
                    v.get("share").asDouble(),
                    v.get("lift").asDouble()));
        }
        return products;
    }
}
