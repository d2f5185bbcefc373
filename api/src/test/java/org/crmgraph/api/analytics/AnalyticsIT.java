package org.crmgraph.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.crmgraph.analytics.AnalyticsProperties;
import org.crmgraph.analytics.AnalyticsStep;
import org.crmgraph.analytics.evaluation.EvaluationReport;
import org.crmgraph.analytics.evaluation.RankingMetrics;
import org.crmgraph.analytics.evaluation.RecommendationEvaluation;
import org.crmgraph.analytics.refresh.AnalyticsRefresh;
import org.crmgraph.analytics.refresh.RefreshAfterImport;
import org.crmgraph.analytics.refresh.RefreshReport;
import org.crmgraph.analytics.similarity.SimilarityAndCommunities;
import org.crmgraph.api.CrmIntegrationTest;
import org.crmgraph.api.cli.Command;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.event.ImportFinished;
import org.crmgraph.graph.fixture.GraphFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The analytics refresh on {@code fixtures/analytics.cypher}: 16 gardeners (GB) and 20 cooks (DE) with distinct
 * tastes, some of each who stopped buying in April, and one customer who never bought. The fixture is loaded and
 * refreshed once; tests that change the graph put it back.
 */
@CrmIntegrationTest
class AnalyticsIT {

    private static RefreshReport firstRefresh;

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    CypherRunner cypher;

    @Autowired
    AnalyticsRefresh refresh;

    @Autowired
    RecommendationEvaluation evaluation;

    @Autowired
    List<Command> commands;

    @BeforeEach
    void loadAndRefreshOnce() {
        if (firstRefresh == null
                || cypher.read(
                                        "MATCH (c:Customer {id: 'g1'}) RETURN count(c) AS n",
                                        Map.of(),
                                        r -> r.get("n").asLong())
                                .getFirst()
                        == 0) {
            GraphFixture.reset(cypher, "fixtures/analytics.cypher");
            firstRefresh = refresh.refresh();
        }
    }

    private List<String> strings(String query) {
        return cypher.read(query, Map.of(), r -> r.get(0).asString());
    }

    private long count(String query) {
        return cypher.read(query, Map.of(), r -> r.get(0).asLong()).getFirst();
    }

    @Test
    void aRefreshRunsEveryStepWritesItsRunAndLeavesNoGdsGraphModelOrPipelineBehind() {
        assertThat(firstRefresh.steps())
                .extracting(s -> s.step())
                .containsExactly(
                        AnalyticsStep.METRICS,
                        AnalyticsStep.SEGMENTS,
                        AnalyticsStep.SIMILARITY,
                        AnalyticsStep.CHURN,
                        AnalyticsStep.FORECASTS);
        assertThat(firstRefresh.steps()).allSatisfy(s -> assertThat(s.summary()).isNotBlank());
        assertThat(count("CALL gds.graph.list() YIELD graphName RETURN count(*)"))
                .isZero();
        assertThat(count("CALL gds.model.list() YIELD modelName RETURN count(*)"))
                .isZero();
        assertThat(count("CALL gds.pipeline.list() YIELD pipelineName RETURN count(*)"))
                .isZero();
        assertThat(count("MATCH (r:AnalyticsRun {id: '" + firstRefresh.id() + "'}) RETURN count(r)"))
                .isOne();
        // EASE^R's strongest weights, for the recommendations' complements signal, between products bought together
        assertThat(count("MATCH (:Product)-[c:COMPLEMENTS]->(:Product) WHERE c.score > 0 RETURN count(c)"))
                .isPositive();
        assertThat(count("MATCH (p:Product)-[c:COMPLEMENTS]->(q:Product) WHERE p = q RETURN count(c)"))
                .isZero();
        // one BOUGHT per distinct customer-product pair of the orders
        assertThat(count("MATCH ()-[b:BOUGHT]->() RETURN count(b)"))
                .isEqualTo(count("MATCH (c:Customer)-[:PLACED]->()-[:CONTAINS]->(p) RETURN count(DISTINCT [c, p])"));
        graphQl.documentName("analyticsRuns")
                .execute()
                .path("analyticsRuns[*].id")
                .entityList(String.class)
                .satisfies(ids -> assertThat(ids).contains(firstRefresh.id()));
    }

    @Test
    void everyBuyingCustomerIsInExactlyOneLabelledSegment() {
        assertThat(
                        count(
                                "MATCH (c:Customer) WHERE EXISTS { (c)-[:PLACED]->() } AND COUNT { (c)-[:IN_SEGMENT]->() } <> 1 RETURN count(c)"))
                .isZero();
        assertThat(count("MATCH (c:Customer {id: 'new1'})-[:IN_SEGMENT]->() RETURN count(*)"))
                .isZero();
        var segments = graphQl.documentName("segments")
                .execute()
                .path("segments")
                .entityList(Map.class)
                .get();
        assertThat(segments).hasSize(5);
        assertThat(segments.stream().mapToInt(s -> (Integer) s.get("size")).sum())
                .isEqualTo(36);
        assertThat(segments.stream().map(s -> (String) s.get("label")).collect(Collectors.toSet()))
                .hasSize(5);
        // ordered from the most valuable: the first segment spends more than the last and bought more recently
        Map<?, ?> best = segments.getFirst(), worst = segments.getLast();
        assertThat((Double) best.get("monetary")).isGreaterThan((Double) worst.get("monetary"));
        assertThat((Double) best.get("recencyDays")).isLessThan((Double) worst.get("recencyDays"));
    }

    @Test
    void communitiesNeverMixGardenersAndCooks() {
        List<String> mixed = strings("""
                MATCH (k:Community)<-[:IN_COMMUNITY]-(c:Customer)
                WITH k, collect(DISTINCT left(c.id, 1)) AS kinds WHERE size(kinds) > 1
                RETURN toString(k.id)""");
        assertThat(mixed).isEmpty();
        assertThat(count("MATCH (c:Customer) WHERE c.id STARTS WITH 'g' AND c.communityId IS NOT NULL RETURN count(c)"))
                .isEqualTo(16);
        // a gardeners' community is characterised by garden items
        graphQl.documentName("communities")
                .execute()
                .path("communities")
                .entityList(Map.class)
                .satisfies(communities -> {
                    assertThat(communities).isNotEmpty();
                    assertThat(communities)
                            .allSatisfy(c ->
                                    assertThat((List<?>) c.get("favourites")).isNotEmpty());
                });
        List<String> gardenTop = strings("""
                MATCH (:Customer {id: 'g2'})-[:IN_COMMUNITY]->(:Community)-[:CHARACTERISED_BY]->(p:Product) RETURN p.sku""");
        assertThat(gardenTop).isNotEmpty().allSatisfy(sku -> assertThat(sku).startsWith("G"));
    }

    @Test
    void productsAreSimilarWhenTheSameCustomersBuyThem() {
        graphQl.documentName("similarProducts")
                .variable("sku", "G1")
                .variable("first", 5)
                .execute()
                .path("similarProducts[*].product.sku")
                .entityList(String.class)
                .satisfies(skus -> assertThat(skus)
                        .isNotEmpty()
                        .allSatisfy(sku -> assertThat(sku).startsWith("G")));
        graphQl.documentName("similarProducts")
                .variable("sku", "K5")
                .variable("first", 5)
                .execute()
                .path("similarProducts[*].product.sku")
                .entityList(String.class)
                .satisfies(skus -> assertThat(skus)
                        .isNotEmpty()
                        .noneSatisfy(sku -> assertThat(sku).startsWith("G")));
        graphQl.documentName("similarCustomers")
                .variable("customerId", "g3")
                .execute()
                .path("similarCustomers[*].customer.id")
                .entityList(String.class)
                .satisfies(ids -> assertThat(ids)
                        .isNotEmpty()
                        .allSatisfy(id -> assertThat(id).startsWith("g")));
    }

    @Test
    void aLargeGraphsNearestNeighbourSearchFindsTheCustomersExactComparisonFinds() {
        // the threshold at 0 makes this small graph take the path of a large one (GDS KNN instead of node similarity)
        var exact = new SimilarityAndCommunities(
                        cypher, new AnalyticsProperties(null, null, 5, null, null, null, false, null, null, null))
                .compute(null);
        var approximate = new SimilarityAndCommunities(
                        cypher, new AnalyticsProperties(null, null, 5, null, null, null, false, null, null, 0))
                .compute(null);

        assertThat(exact.customers()).hasSizeGreaterThan(30);
        assertThat(approximate.customers()).isEqualTo(exact.customers());
        // products are compared exactly on both paths
        assertThat(approximate.products()).isEqualTo(exact.products());
        assertThat(approximate.customers().get("g3"))
                .isNotEmpty()
                .allSatisfy(n -> assertThat(n.key()).startsWith("g"));
    }

    @Test
    void recommendationsAreNewToTheCustomerRankedAndExplained() {
        // g1 stopped in April having bought G1..G5, G8 and P1
        List<String> bought =
                strings("MATCH (:Customer {id: 'g1'})-[:PLACED]->()-[:CONTAINS]->(p) RETURN DISTINCT p.sku");
        assertThat(bought).containsExactlyInAnyOrder("G1", "G2", "G3", "G4", "G5", "G8", "P1");
        var response = graphQl.documentName("recommendations")
                .variable("customerId", "g1")
                .variable("first", 5)
                .execute();
        List<Map> recommendations =
                response.path("recommendations").entityList(Map.class).get();
        List<String> skus = response.path("recommendations[*].product.sku")
                .entityList(String.class)
                .get();
        assertThat(skus).hasSize(5).doesNotContainAnyElementsOf(bought);
        assertThat(skus.subList(0, 3)).containsExactlyInAnyOrder("G0", "G6", "G7");
        List<Double> scores = recommendations.stream()
                .map(r -> ((Number) r.get("score")).doubleValue())
                .toList();
        assertThat(scores)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a))
                .allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
        assertThat((String) recommendations.getFirst().get("explanation")).startsWith("because you bought Garden item");
    }

    @Test
    void aCustomerWithoutPurchasesGetsTheBestSellersOfTheirCountry() {
        var response = graphQl.documentName("recommendations")
                .variable("customerId", "new1")
                .variable("first", 3)
                .execute();
        // every gardener (all of GB) bought P1 and G8
        response.path("recommendations[*].product.sku")
                .entityList(String.class)
                .satisfies(skus -> assertThat(skus.subList(0, 2)).containsExactlyInAnyOrder("G8", "P1"));
        response.path("recommendations[*].explanation")
                .entityList(String.class)
                .satisfies(e -> assertThat(e)
                        .hasSize(3)
                        .allSatisfy(x -> assertThat(x).isEqualTo("popular with customers in GB")));
    }

    @Test
    void unknownCustomersAndBadPageSizesAreClearErrors() {
        graphQl.documentName("recommendations")
                .variable("customerId", "nobody")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions())
                            .containsEntry("code", "NOT_FOUND")
                            .containsEntry("argument", "customerId");
                    assertThat(error.getMessage()).contains("nobody");
                }));
        // one rule for `first` on every list: 0 is an empty list, negative or above the list's maximum an error
        graphQl.documentName("recommendations")
                .variable("customerId", "g1")
                .variable("first", 0)
                .execute()
                .path("recommendations")
                .entityList(Object.class)
                .hasSize(0);
        graphQl.documentName("recommendations")
                .variable("customerId", "g1")
                .variable("first", -1)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getExtensions())
                                .containsEntry("code", "INVALID_PAGE_SIZE")
                                .containsEntry("argument", "first")));
        graphQl.documentName("similarProducts")
                .variable("sku", "G1")
                .variable("first", 101)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error ->
                                assertThat(error.getExtensions()).containsEntry("code", "PAGE_SIZE_EXCEEDED")));
        // a list about an unknown thing fails with NOT_FOUND naming it, wherever it is asked
        graphQl.documentName("similarProducts")
                .variable("sku", "NO-SUCH-SKU")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getExtensions())
                                .containsEntry("code", "NOT_FOUND")
                                .containsEntry("argument", "sku")));
        graphQl.documentName("similarCustomers")
                .variable("customerId", "nobody")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getExtensions())
                                .containsEntry("code", "NOT_FOUND")
                                .containsEntry("argument", "customerId")));
    }

    @Test
    void customersCarryTheirMetricsSegmentCommunityAndChurnRisk() {
        var buyer =
                graphQl.documentName("customerAnalytics").variable("id", "g2").execute();
        buyer.path("customer.rfm.code")
                .entity(String.class)
                .satisfies(code -> assertThat(code).matches("[1-5]{3}"));
        buyer.path("customer.rfm.frequency").entity(Integer.class).isEqualTo(12);
        buyer.path("customer.segment.label")
                .entity(String.class)
                .satisfies(label -> assertThat(label).isNotBlank());
        buyer.path("customer.community.id").hasValue();
        buyer.path("customer.churnRisk")
                .entity(Double.class)
                .satisfies(risk -> assertThat(risk).isBetween(0.0, 1.0));
        var newcomer =
                graphQl.documentName("customerAnalytics").variable("id", "new1").execute();
        newcomer.path("customer.rfm").valueIsNull();
        newcomer.path("customer.segment").valueIsNull();
        newcomer.path("customer.churnRisk").valueIsNull();
        newcomer.path("customer.churnFactors").entityList(String.class).hasSize(0);
    }

    @Test
    void lifetimeValueIsPredictedFromEachCustomersHistoryAndGradedAgainstTheFormula() {
        // g2 bought every month of the year; g1 bought monthly until April and has been silent for eight months
        var regular = graphQl.documentName("lifetimeValue").variable("id", "g2").execute();
        var lapsed = graphQl.documentName("lifetimeValue").variable("id", "g1").execute();
        double regularAlive =
                regular.path("customer.probabilityAlive").entity(Double.class).get();
        double lapsedAlive =
                lapsed.path("customer.probabilityAlive").entity(Double.class).get();
        assertThat(regularAlive).isGreaterThan(0.8);
        assertThat(lapsedAlive).isLessThan(0.5);
        double regularValue = regular.path("customer.predictedLifetimeValue")
                .entity(Double.class)
                .get();
        double lapsedValue = lapsed.path("customer.predictedLifetimeValue")
                .entity(Double.class)
                .get();
        double regularPurchases =
                regular.path("customer.expectedPurchases").entity(Double.class).get();
        // about a purchase a month while alive, over the 365-day horizon
        assertThat(regularPurchases).isBetween(5.0, 14.0);
        assertThat(regularValue).isGreaterThan(5 * lapsedValue);
        var model = regular.path("lifetimeValueModel");
        regular.path("lifetimeValueModel.customers").entity(Integer.class).isEqualTo(36);
        regular.path("lifetimeValueModel.horizonDays").entity(Integer.class).isEqualTo(365);
        for (String parameter : List.of("r", "alpha", "a", "b", "p", "q", "gamma")) {
            regular.path("lifetimeValueModel." + parameter)
                    .entity(Double.class)
                    .satisfies(v -> assertThat(v).isPositive());
        }
        model.hasValue();
        regular.path("lifetimeValueModel.grading.holdoutDays")
                .entity(Integer.class)
                .isEqualTo(180);
        regular.path("lifetimeValueModel.grading.customers")
                .entity(Integer.class)
                .isEqualTo(36);
        String kept = regular.path("lifetimeValueModel.grading.kept")
                .entity(String.class)
                .satisfies(k -> assertThat(k).isIn("MODEL", "FORMULA"))
                .get();
        // the kept method's value is the lifetime value that filters, sorts and aggregates use
        double lifetimeValue =
                regular.path("customer.rfm.lifetimeValue").entity(Double.class).get();
        if (kept.equals("MODEL")) {
            assertThat(lifetimeValue).isEqualTo(regularValue);
        } else {
            assertThat(lifetimeValue).isNotEqualTo(regularValue);
        }
        for (String method : List.of("model", "formula")) {
            regular.path("lifetimeValueModel.grading." + method + ".topFifthCaptured")
                    .entity(Double.class)
                    .satisfies(v -> assertThat(v).isBetween(0.0, 1.0));
        }
        // on the customers, for analysts in Neo4j Browser; the customer who never bought has none
        assertThat(count("MATCH (c:Customer) WHERE c.predictedLifetimeValue IS NOT NULL RETURN count(c)"))
                .isEqualTo(36);
        var newcomer =
                graphQl.documentName("lifetimeValue").variable("id", "new1").execute();
        newcomer.path("customer.predictedLifetimeValue").valueIsNull();
        newcomer.path("customer.probabilityAlive").valueIsNull();
    }

    private long transactionsForAPageOf(int customers) {
        long before = cypher.transactionCount();
        graphQl.documentName("customersWithAnalytics")
                .variable("first", customers)
                .execute()
                .path("customers.edges[*].node.rfm.code")
                .entityList(String.class)
                .hasSizeGreaterThan(customers / 2);
        return cypher.transactionCount() - before;
    }

    @Test
    void analyticsFieldsOfAPageOfCustomersCostOneRoundTripPerLevel() {
        long few = transactionsForAPageOf(2);
        long many = transactionsForAPageOf(37);
        // the same for 2 customers as for 37: rfm, segment, community, churnRisk and churnFactors share one
        // batched insight query, the communities' products one more (measured: 4 in all, with the page)
        assertThat(many).isEqualTo(few).isLessThanOrEqualTo(4);
    }

    @Test
    void theChurnModelIsEvaluatedOnALaterPeriodAndRanksLapsedCustomersHigher() {
        var model = graphQl.documentName("churnModel").execute();
        model.path("churnModel.current").entity(Boolean.class).isEqualTo(true);
        model.path("churnModel.horizonDays").entity(Integer.class).isEqualTo(90);
        model.path("churnModel.algorithm")
                .entity(String.class)
                .satisfies(a -> assertThat(a).isIn("LogisticRegression", "RandomForest"));
        model.path("churnModel.scored").entity(Integer.class).isEqualTo(36);
        for (String metric : List.of("precision", "recall", "f1", "accuracy", "rocAuc")) {
            model.path("churnModel." + metric)
                    .entity(Double.class)
                    .satisfies(v -> assertThat(v).isBetween(0.0, 1.0));
        }
        // the lapsed customers are told apart from the regular ones on the later, unseen period
        model.path("churnModel.rocAuc")
                .entity(Double.class)
                .satisfies(auc -> assertThat(auc).isGreaterThan(0.8));
        model.path("churnModel.topFeatures")
                .entityList(String.class)
                .satisfies(f -> assertThat(f).isNotEmpty());
        // graded against the best "no purchase in N days" rule on the same test customers
        model.path("churnModel.baseline.days")
                .entity(Integer.class)
                .satisfies(days -> assertThat(days).isPositive());
        double baselineF1 =
                model.path("churnModel.baseline.f1").entity(Double.class).get();
        double f1 = model.path("churnModel.f1").entity(Double.class).get();
        if (baselineF1 > 0) {
            model.path("churnModel.f1Lift")
                    .entity(Double.class)
                    .satisfies(lift ->
                            assertThat(lift).isCloseTo(f1 / baselineF1, org.assertj.core.data.Offset.offset(1e-9)));
        }
        model.path("churnModel.explanationR2")
                .entity(Double.class)
                .satisfies(r2 -> assertThat(r2).isBetween(0.0, 1.0));
        double lapsed = cypher.read(
                        "MATCH (c:Customer) WHERE c.id IN ['g1','g3','g5','k1','k5','k9'] RETURN avg(c.churnRisk) AS r",
                        Map.of(),
                        r -> r.get("r").asDouble())
                .getFirst();
        double regular = cypher.read(
                        "MATCH (c:Customer) WHERE c.id IN ['g2','g4','g6','k2','k3','k4'] RETURN avg(c.churnRisk) AS r",
                        Map.of(),
                        r -> r.get("r").asDouble())
                .getFirst();
        assertThat(lapsed).isGreaterThan(regular + 0.3);
        // g1's own silence is what raises its risk, with its weight in log-odds
        assertThat(strings("MATCH (c:Customer {id: 'g1'}) UNWIND c.churnFactors AS f RETURN f"))
                .anySatisfy(f -> assertThat(f).matches("last purchase \\d+ days ago \\(\\+\\d+\\.\\d\\d\\)"));
    }

    @Test
    void customersCanBeFilteredAndSortedByWhatAnalyticsWrote() {
        // "the top customers by monetary value in Germany"
        var top = graphQl.documentName("customersByAnalytics")
                .variable("filter", Map.of("country", "DE"))
                .variable("orderBy", Map.of("field", "MONETARY", "direction", "DESC"))
                .variable("first", 5)
                .execute();
        top.path("customers.edges[*].node.country")
                .entityList(String.class)
                .satisfies(c -> assertThat(c).hasSize(5).containsOnly("DE"));
        top.path("customers.edges[*].node.rfm.monetary")
                .entityList(Double.class)
                .satisfies(m -> assertThat(m).isSortedAccordingTo((a, b) -> Double.compare(b, a)));
        // "high-value customers at risk"
        var atRisk = graphQl.documentName("customersByAnalytics")
                .variable("filter", Map.of("minChurnRisk", 0.5, "minMonetary", 50.0))
                .variable("orderBy", Map.of("field", "CHURN_RISK", "direction", "DESC"))
                .variable("first", 50)
                .execute();
        atRisk.path("customers.edges[*].node.churnRisk")
                .entityList(Double.class)
                .satisfies(r -> assertThat(r)
                        .isNotEmpty()
                        .allSatisfy(x -> assertThat(x).isGreaterThanOrEqualTo(0.5))
                        .isSortedAccordingTo((a, b) -> Double.compare(b, a)));
        var inSegment = graphQl.documentName("customersByAnalytics")
                .variable("filter", Map.of("segmentId", "1"))
                .variable("first", 50)
                .execute();
        inSegment
                .path("customers.edges[*].node.segment.id")
                .entityList(String.class)
                .satisfies(ids -> assertThat(ids).isNotEmpty().containsOnly("1"));
    }

    @Test
    void aSecondRefreshGivesTheSameResultsAndReadsAreServedWhileItRuns() throws Exception {
        String snapshot = """
                CALL () { MATCH (c:Customer)-[:IN_SEGMENT]->(s) RETURN collect(c.id + '>' + s.label) AS segments }
                CALL () {
                  // equally similar neighbours at the top-K boundary may take turns, their scores may not
                  MATCH (a)-[s:SIMILAR_TO]->()
                  WITH a, s.score AS score ORDER BY score
                  WITH a, collect(score) AS scores
                  RETURN collect(coalesce(a.sku, a.id) + '>' + reduce(text = '', x IN scores | text + ',' + toString(x))) AS similar
                }
                CALL () { MATCH (c:Customer) RETURN collect(c.id + ':' + c.communityId + ':' + c.churnRisk) AS customers }
                RETURN segments + similar + customers AS all""";
        Set<String> before =
                Set.copyOf(cypher.read(snapshot, Map.of(), r -> r.get("all").asList(v -> v.asString()))
                        .getFirst());

        // the first step's report means the refresh holds its lock, with three steps still to go
        var firstStepDone = new java.util.concurrent.CountDownLatch(1);
        CompletableFuture<RefreshReport> running = CompletableFuture.supplyAsync(
                () -> refresh.refresh(java.util.EnumSet.allOf(AnalyticsStep.class), step -> firstStepDone.countDown()));
        assertThat(firstStepDone.await(2, TimeUnit.MINUTES)).isTrue();
        // a second refresh is refused while one runs, as data the client can act on
        graphQl.documentName("refreshAnalytics")
                .execute()
                .path("refreshAnalytics.errors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE");
        List<Integer> answers = new ArrayList<>();
        while (!running.isDone()) {
            answers.add(graphQl.documentName("recommendations")
                    .variable("customerId", "g1")
                    .variable("first", 5)
                    .execute()
                    .path("recommendations")
                    .entityList(Map.class)
                    .get()
                    .size());
        }
        running.get(2, TimeUnit.MINUTES);
        assertThat(answers).isNotEmpty().allSatisfy(n -> assertThat(n).isEqualTo(5));

        Set<String> after =
                Set.copyOf(cypher.read(snapshot, Map.of(), r -> r.get("all").asList(v -> v.asString()))
                        .getFirst());
        Set<String> gone = new java.util.TreeSet<>(before), added = new java.util.TreeSet<>(after);
        gone.removeAll(after);
        added.removeAll(before);
        assertThat(gone).as("changed by the second refresh; it added %s", added).isEmpty();
        assertThat(added).isEmpty();
    }

    @Test
    void theRefreshMutationRunsTheStepsAskedFor() {
        var response = graphQl.documentName("refreshAnalytics")
                .variable("steps", List.of("SEGMENTS", "METRICS"))
                .execute();
        response.path("refreshAnalytics.errors").entityList(Object.class).hasSize(0);
        response.path("refreshAnalytics.run.steps[*].step")
                .entityList(String.class)
                .containsExactly("METRICS", "SEGMENTS");
        response.path("refreshAnalytics.run.steps[*].millis")
                .entityList(Integer.class)
                .satisfies(m -> assertThat(m).allSatisfy(x -> assertThat(x).isNotNegative()));
    }

    @Test
    void theOfflineEvaluationBeatsPopularityOnHeldOutPurchases() {
        EvaluationReport report = evaluation.evaluate(10);
        // the gardeners who kept buying bought G8, new to them, in the held-out December
        assertThat(report.users()).isGreaterThanOrEqualTo(8);
        RankingMetrics.Result graph = report.results().get(0),
                popularity = report.results().get(1),
                cooccurrence = report.results().get(2);
        assertThat(List.of(graph.method(), popularity.method(), cooccurrence.method()))
                .containsExactly("graph", "popularity", "co-occurrence");
        assertThat(graph.hitRate()).isGreaterThan(popularity.hitRate()).isGreaterThanOrEqualTo(cooccurrence.hitRate());
        assertThat(graph.ndcg()).isGreaterThan(popularity.ndcg());
        assertThat(report.table()).contains("HR@10", "NDCG@10", "graph", "popularity", "co-occurrence");
        // the strong baselines are measured beside it, each with its tuned setting in its name
        assertThat(report.results())
                .extracting(RankingMetrics.Result::method)
                .anySatisfy(m -> assertThat(m).startsWith("item-kNN (shrink "))
                .anySatisfy(m -> assertThat(m).startsWith("RP3beta (beta "))
                .anySatisfy(m -> assertThat(m).startsWith("EASE^R (lambda "));
        // and the live blend with its complements weight chosen on the inner split, scored like the others
        assertThat(report.results())
                .filteredOn(r -> r.method().endsWith("(tuned)"))
                .singleElement()
                .satisfies(r -> assertThat(r.hitRate()).isPositive());
        // nothing was written and nothing left in the GDS catalogue
        assertThat(count("CALL gds.graph.list() YIELD graphName RETURN count(*)"))
                .isZero();
    }

    @Test
    void theRandomSplitHidesPurchasesFromTheGraphMethodToo() {
        long similarities = count("MATCH ()-[s:SIMILAR_TO]->() RETURN count(s)");
        EvaluationReport report = evaluation.evaluate(10, RecommendationEvaluation.Protocol.RANDOM);
        // every buyer has at least four products: each is asked for the quarter hidden from its history
        assertThat(report.users()).isEqualTo(36);
        assertThat(report.results().getFirst().method()).isEqualTo("graph");
        // the two tastes (garden, kitchen) are what the graph method knows and popularity does not
        RankingMetrics.Result graph = report.results().get(0),
                popularity = report.results().get(1);
        assertThat(popularity.method()).isEqualTo("popularity");
        assertThat(graph.hitRate()).isGreaterThan(popularity.hitRate());
        assertThat(report.table()).contains("random quarter");
        assertThat(count("MATCH ()-[s:SIMILAR_TO]->() RETURN count(s)")).isEqualTo(similarities);
        assertThat(count("CALL gds.graph.list() YIELD graphName RETURN count(*)"))
                .isZero();
    }

    @Test
    void theCommandsRunAndRefuseBadArguments() {
        StringBuilder output = new StringBuilder();
        assertThat(run(output, "analytics", "--steps", "metrics")).isEqualTo(Command.OK);
        assertThat(output).contains("metrics").contains("Analytics refresh");
        assertThat(run(output, "analytics", "--steps", "everything")).isEqualTo(Command.BAD_ARGUMENTS);
        assertThat(output).contains("unknown step everything");
        output.setLength(0);
        assertThat(run(output, "evaluate-recommendations", "--k", "5")).isEqualTo(Command.OK);
        assertThat(output)
                .contains("HR@5", "NDCG@5", "popularity", "co-occurrence", "temporal protocol", "random protocol");
        assertThat(run(output, "evaluate-recommendations", "--k", "0")).isEqualTo(Command.BAD_ARGUMENTS);
    }

    @Test
    void anImportThatWroteRowsIsFollowedByARefreshAndOneThatWroteNothingIsNot() throws Exception {
        // the shared test context turns the setting off, so this listener has it on
        var settings = new AnalyticsProperties(null, null, null, null, null, null, true, null, null, null);
        var listener = new RefreshAfterImport(refresh, settings);
        try {
            long runs = count("MATCH (r:AnalyticsRun) RETURN count(r)");
            assertThat(listener.afterImport(imported(0))).isNull();
            var queued = listener.afterImport(imported(3));
            assertThat(queued).isNotNull();
            queued.get(2, TimeUnit.MINUTES);
            assertThat(count("MATCH (r:AnalyticsRun) RETURN count(r)")).isEqualTo(runs + 1);
        } finally {
            listener.destroy();
        }
    }

    private static ImportFinished imported(long rowsImported) {
        return new ImportFinished("imp-test", "customers", rowsImported, 0, java.time.Instant.now());
    }

    private int run(StringBuilder output, String name, String... arguments) {
        Command command =
                commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        var out = new ByteArrayOutputStream();
        int status = command.run(
                List.of(arguments),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        output.append(out.toString(StandardCharsets.UTF_8));
        return status;
    }
}
