package org.crmgraph.analytics.evaluation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmgraph.analytics.AnalyticsProperties;
import org.crmgraph.analytics.purchase.PurchaseHistory;
import org.crmgraph.analytics.recommend.ComplementsWriter;
import org.crmgraph.analytics.recommend.Evidence;
import org.crmgraph.analytics.recommend.RecommendationScorer;
import org.crmgraph.analytics.recommend.ScoredProduct;
import org.crmgraph.analytics.similarity.Favourite;
import org.crmgraph.analytics.similarity.Favourites;
import org.crmgraph.analytics.similarity.Neighbour;
import org.crmgraph.analytics.similarity.SimilarityAndCommunities;
import org.crmgraph.analytics.similarity.SimilarityGraph;
import org.crmgraph.graph.cypher.CypherRunner;
import org.springframework.stereotype.Service;

/**
 * Offline evaluation of recommendations by time: every purchase in the last {@code evaluation-holdout-days}
 * before the newest order is hidden; similarity, communities and favourites are computed by the same GDS code
 * as the live refresh but on the earlier purchases only, and nothing is written. Each customer who bought
 * before the cut-off and bought products new to them after it is asked for K products; the new products they
 * really bought are the answer key. Three methods are ranked the same way:
 * <ul>
 *   <li>{@code graph}: {@link RecommendationScorer} on the graph's evidence, the live method;</li>
 *   <li>{@code popularity}: the products bought by the most customers;</li>
 *   <li>{@code co-occurrence}: plain item-based collaborative filtering, a candidate scored by how many
 *       customers bought it together with each product in the history (raw counts, no normalisation).</li>
 * </ul>
 * The first three results are those; after them come ablations of the graph method (one signal alone, one
 * left out), which show what each signal adds.
 * A single global cut-off, rather than each customer's own last order, keeps the future of one customer out
 * of another's training data.
 */
@Service
public class RecommendationEvaluation {

    /** The graph method with one signal alone or one left out: what each adds. */
    private static final Map<String, RecommendationScorer.Weights> ABLATIONS = new java.util.LinkedHashMap<>();

    static {
        var live = RecommendationScorer.Weights.LIVE;
        ABLATIONS.put("graph: products only", new RecommendationScorer.Weights(1, 0, 0, 0, 0));
        ABLATIONS.put("graph: customers only", new RecommendationScorer.Weights(0, 1, 0, 0, 0));
        ABLATIONS.put("graph: community only", new RecommendationScorer.Weights(0, 0, 1, 0, 0));
        ABLATIONS.put(
                "graph: no community",
                new RecommendationScorer.Weights(
                        live.item(), live.peers(), 0, live.market(), live.bestSellers(), live.complements()));
        ABLATIONS.put("graph: complements only", new RecommendationScorer.Weights(0, 0, 0, 0, 0, 1));
        ABLATIONS.put(
                "graph: no complements",
                new RecommendationScorer.Weights(
                        live.item(), live.peers(), live.community(), live.market(), live.bestSellers(), 0));
        for (double weight : new double[] {2, 4, 16}) {
            ABLATIONS.put(
                    "graph: complements x" + weight,
                    new RecommendationScorer.Weights(
                            live.item(), live.peers(), live.community(), live.market(), live.bestSellers(), weight));
        }
    }

    private final CypherRunner cypher;
    private final SimilarityAndCommunities similarity;
    private final AnalyticsProperties settings;

    public RecommendationEvaluation(
            CypherRunner cypher, SimilarityAndCommunities similarity, AnalyticsProperties settings) {
        this.cypher = cypher;
        this.similarity = similarity;
        this.settings = settings;
    }

    /** How the purchases to predict are chosen. */
    public enum Protocol {
        /** the last {@code evaluation-holdout-days}: new products customers bought after a cut-off */
        TEMPORAL,
        /** a random quarter of each customer's products (customers with at least four), seeded */
        RANDOM
    }

    static final int RANDOM_MINIMUM_PRODUCTS = 4;
    static final double RANDOM_HIDDEN = 0.25;
    private static final int TUNING_CUSTOMERS = 1_000;

    public EvaluationReport evaluate(int k) {
        return evaluate(k, Protocol.TEMPORAL);
    }

    public EvaluationReport evaluate(int k, Protocol protocol) {
        long started = System.nanoTime();
        OffsetDateTime newest = PurchaseHistory.newestOrder(cypher);
        if (newest == null) {
            throw new IllegalStateException("there are no orders to evaluate recommendations on");
        }
        OffsetDateTime cutoff =
                protocol == Protocol.TEMPORAL ? newest.minusDays(settings.evaluationHoldoutDays()) : null;
        PurchaseHistory train;
        Map<String, Set<String>> targets = new HashMap<>();
        Map<String, List<String>> hidden = new HashMap<>();
        SimilarityGraph graph;
        if (protocol == Protocol.TEMPORAL) {
            train = PurchaseHistory.load(cypher, null, cutoff);
            PurchaseHistory test = PurchaseHistory.load(cypher, cutoff, null);
            test.products().forEach((customer, skus) -> {
                Set<String> history = train.of(customer);
                if (!history.isEmpty()) {
                    Set<String> fresh = new HashSet<>(skus);
                    fresh.removeAll(history);
                    if (!fresh.isEmpty()) {
                        targets.put(customer, fresh);
                    }
                }
            });
            graph = similarity.compute(cutoff);
        } else {
            PurchaseHistory all = PurchaseHistory.load(cypher, null, null);
            train = split(all, targets, settings.randomSeed());
            targets.forEach((customer, skus) -> hidden.put(customer, List.copyOf(skus)));
            graph = similarity.compute(null, hidden);
        }
        List<ItemBaseline> baselines = tunedBaselines(train, k);
        double tunedWeight = tunedComplementsWeight(train, cutoff, hidden, k);
        RecommendationScorer.Weights live = RecommendationScorer.Weights.LIVE;
        RecommendationScorer.Weights tuned = new RecommendationScorer.Weights(
                live.item(), live.peers(), live.community(), live.market(), live.bestSellers(), tunedWeight);
        String tunedName = "graph: complements x" + tunedWeight + " (tuned)";
        Trained trained = trained(train, graph);

        Map<String, List<String>> buyers = train.buyers();
        List<String> popular = buyers.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, List<String>>>comparingInt(
                                e -> e.getValue().size())
                        .reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .toList();

        int catalogue = train.catalogue().size();
        RankingMetrics graphMetrics = new RankingMetrics(k, catalogue);
        RankingMetrics popularityMetrics = new RankingMetrics(k, catalogue);
        RankingMetrics cooccurrenceMetrics = new RankingMetrics(k, catalogue);
        RankingMetrics tunedMetrics = new RankingMetrics(k, catalogue);
        Map<ItemBaseline, RankingMetrics> baselineMetrics = new java.util.LinkedHashMap<>();
        baselines.forEach(b -> baselineMetrics.put(b, new RankingMetrics(k, catalogue)));
        Map<String, RankingMetrics> ablations = new java.util.LinkedHashMap<>();
        ABLATIONS.keySet().forEach(name -> ablations.put(name, new RankingMetrics(k, catalogue)));
        targets.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String customer = entry.getKey();
            Set<String> history = train.of(customer);
            Evidence evidence = trained.evidence(customer);
            graphMetrics.add(
                    RecommendationScorer.rank(evidence, k).stream()
                            .map(ScoredProduct::sku)
                            .toList(),
                    entry.getValue());
            ABLATIONS.forEach((name, weights) -> ablations
                    .get(name)
                    .add(
                            RecommendationScorer.rank(evidence, k, weights).stream()
                                    .map(ScoredProduct::sku)
                                    .toList(),
                            entry.getValue()));
            popularityMetrics.add(
                    popular.stream().filter(p -> !history.contains(p)).limit(k).toList(), entry.getValue());
            cooccurrenceMetrics.add(coOccurrence(customer, history, train, buyers, k), entry.getValue());
            baselineMetrics.forEach(
                    (baseline, metrics) -> metrics.add(baseline.recommend(history, k), entry.getValue()));
            tunedMetrics.add(
                    RecommendationScorer.rank(evidence, k, tuned).stream()
                            .map(ScoredProduct::sku)
                            .toList(),
                    entry.getValue());
        });
        List<RankingMetrics.Result> results = new ArrayList<>(List.of(
                graphMetrics.result("graph"),
                popularityMetrics.result("popularity"),
                cooccurrenceMetrics.result("co-occurrence")));
        baselineMetrics.forEach((baseline, metrics) -> results.add(metrics.result(baseline.name())));
        results.add(tunedMetrics.result(tunedName));
        ablations.forEach((name, metrics) -> results.add(metrics.result(name)));
        return new EvaluationReport(
                protocol,
                k,
                cutoff,
                settings.evaluationHoldoutDays(),
                targets.size(),
                catalogue,
                results,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Hides a random quarter (at least one) of the products of each customer with at least four, into {@code hidden};
     * the rest, with every other customer's purchases, is the training history.
     */
    static PurchaseHistory split(PurchaseHistory all, Map<String, Set<String>> hidden, long seed) {
        Map<String, Set<String>> kept = new HashMap<>();
        List<String> customers = new ArrayList<>(all.products().keySet());
        customers.sort(null);
        java.util.Random random = new java.util.Random(seed);
        for (String customer : customers) {
            List<String> skus = new ArrayList<>(all.of(customer));
            skus.sort(null);
            if (skus.size() < RANDOM_MINIMUM_PRODUCTS) {
                kept.put(customer, new java.util.LinkedHashSet<>(skus));
                continue;
            }
            java.util.Collections.shuffle(skus, random);
            int hide = Math.max(1, (int) Math.round(skus.size() * RANDOM_HIDDEN));
            hidden.put(customer, new HashSet<>(skus.subList(0, hide)));
            kept.put(customer, new java.util.LinkedHashSet<>(skus.subList(hide, skus.size())));
        }
        return new PurchaseHistory(kept, all.countries());
    }

    /**
     * item-kNN, RP3beta and EASE^R, each with the setting that did best (NDCG@k) on a random split of the training
     * purchases themselves, then fitted on all of them: the test purchases never choose a baseline's setting.
     */
    private List<ItemBaseline> tunedBaselines(PurchaseHistory train, int k) {
        Map<String, Set<String>> validation = new HashMap<>();
        PurchaseHistory inner = split(train, validation, settings.randomSeed() + 1);
        List<String> sample =
                validation.keySet().stream().sorted().limit(TUNING_CUSTOMERS).toList();
        ItemIndex innerIndex = new ItemIndex(inner);
        ItemIndex index = new ItemIndex(train);
        java.util.function.ToDoubleFunction<ItemBaseline> ndcg = baseline -> {
            RankingMetrics metrics = new RankingMetrics(k, innerIndex.size());
            sample.forEach(
                    customer -> metrics.add(baseline.recommend(inner.of(customer), k), validation.get(customer)));
            return metrics.result(baseline.name()).ndcg();
        };
        double shrink = best(List.of(0.0, 10.0, 50.0, 200.0), h -> NeighbourBaseline.itemKnn(innerIndex, h), ndcg);
        double beta = best(List.of(0.0, 0.3, 0.5, 0.7), b -> NeighbourBaseline.rp3beta(innerIndex, b), ndcg);
        double lambda = best(List.of(10.0, 50.0, 200.0, 1_000.0), l -> new EaseBaseline(inner, l), ndcg);
        return List.of(
                NeighbourBaseline.itemKnn(index, shrink),
                NeighbourBaseline.rp3beta(index, beta),
                new EaseBaseline(train, lambda));
    }

    /**
     * The complements weight of the live blend (others as live) that did best, NDCG@k, on the same inner split the
     * baselines are tuned on: the graph method computed again on the training purchases less a quarter of each
     * customer's, so the test never chooses it. The live weight is a setting; this says whether the data agrees.
     */
    private double tunedComplementsWeight(
            PurchaseHistory train, OffsetDateTime cutoff, Map<String, List<String>> hidden, int k) {
        Map<String, Set<String>> validation = new HashMap<>();
        PurchaseHistory inner = split(train, validation, settings.randomSeed() + 1);
        Map<String, List<String>> innerHidden = new HashMap<>(hidden);
        validation.forEach((customer, skus) -> {
            List<String> all = new ArrayList<>(innerHidden.getOrDefault(customer, List.of()));
            all.addAll(skus);
            innerHidden.put(customer, all);
        });
        SimilarityGraph innerGraph = similarity.compute(cutoff, innerHidden);
        Trained trained = trained(inner, innerGraph);
        List<String> sample =
                validation.keySet().stream().sorted().limit(TUNING_CUSTOMERS).toList();
        Map<String, Evidence> evidence = new HashMap<>();
        sample.forEach(customer -> evidence.put(customer, trained.evidence(customer)));
        RecommendationScorer.Weights live = RecommendationScorer.Weights.LIVE;
        double chosen = live.complements();
        double bestNdcg = Double.NEGATIVE_INFINITY;
        for (double weight : List.of(2.0, 4.0, 8.0, 16.0, 32.0)) {
            var weights = new RecommendationScorer.Weights(
                    live.item(), live.peers(), live.community(), live.market(), live.bestSellers(), weight);
            RankingMetrics metrics =
                    new RankingMetrics(k, Math.max(1, inner.catalogue().size()));
            sample.forEach(customer -> metrics.add(
                    RecommendationScorer.rank(evidence.get(customer), k, weights).stream()
                            .map(ScoredProduct::sku)
                            .toList(),
                    validation.get(customer)));
            double ndcg = metrics.result("graph").ndcg();
            if (ndcg > bestNdcg) {
                bestNdcg = ndcg;
                chosen = weight;
            }
        }
        return chosen;
    }

    private static double best(
            List<Double> settings,
            java.util.function.DoubleFunction<ItemBaseline> fit,
            java.util.function.ToDoubleFunction<ItemBaseline> score) {
        double chosen = settings.getFirst();
        double bestScore = Double.NEGATIVE_INFINITY;
        for (double setting : settings) {
            double value = score.applyAsDouble(fit.apply(setting));
            if (value > bestScore) {
                bestScore = value;
                chosen = setting;
            }
        }
        return chosen;
    }

    /**
     * What the graph method reads, computed from one training history instead of the refreshed graph: its similarity
     * graph, the complements with the live setting, and the community and country favourites.
     */
    private record Trained(
            PurchaseHistory history,
            SimilarityGraph graph,
            Map<String, List<Neighbour>> complements,
            Map<Integer, List<Favourite>> communityFavourites,
            Map<String, List<Favourite>> countryFavourites,
            List<Favourite> everyone) {

        Evidence evidence(String customer) {
            return RecommendationEvaluation.evidence(
                    customer,
                    history.of(customer),
                    history,
                    graph,
                    complements,
                    communityFavourites,
                    countryFavourites,
                    everyone);
        }
    }

    private Trained trained(PurchaseHistory history, SimilarityGraph graph) {
        int favourites = settings.communityFavourites();
        return new Trained(
                history,
                graph,
                ComplementsWriter.strongest(history, settings.complementsLambda()),
                Favourites.byGroup(history, graph.communities()::get, favourites),
                Favourites.byGroup(history, history.countries()::get, favourites),
                Favourites.byGroup(history, c -> Favourites.EVERYONE, favourites)
                        .getOrDefault(Favourites.EVERYONE, List.of()));
    }

    /** The evidence {@code EvidenceQuery} would read if this similarity graph had been written. */
    static Evidence evidence(
            String customer,
            Set<String> history,
            PurchaseHistory train,
            SimilarityGraph graph,
            Map<String, List<Neighbour>> complements,
            Map<Integer, List<Favourite>> communityFavourites,
            Map<String, List<Favourite>> countryFavourites,
            List<Favourite> everyone) {
        List<Evidence.ItemLink> items = new ArrayList<>();
        List<Evidence.ItemLink> complementLinks = new ArrayList<>();
        for (String sku : history) {
            for (Neighbour n : graph.products().getOrDefault(sku, List.of())) {
                items.add(new Evidence.ItemLink(sku, null, n.key(), n.score()));
            }
            for (Neighbour n : complements.getOrDefault(sku, List.of())) {
                complementLinks.add(new Evidence.ItemLink(sku, null, n.key(), n.score()));
            }
        }
        Map<String, double[]> votes = new HashMap<>();
        for (Neighbour peer : graph.customers().getOrDefault(customer, List.of())) {
            for (String sku : train.of(peer.key())) {
                double[] v = votes.computeIfAbsent(sku, s -> new double[2]);
                v[0] += peer.score();
                v[1]++;
            }
        }
        Map<String, Evidence.PeerVotes> peers = new HashMap<>();
        votes.forEach((sku, v) -> peers.put(sku, new Evidence.PeerVotes(v[0], (int) v[1])));
        Integer community = graph.communities().get(customer);
        Map<String, Double> communityShares =
                shares(community == null ? List.of() : communityFavourites.getOrDefault(community, List.of()));
        String country = train.countries().get(customer);
        boolean known = country != null && countryFavourites.containsKey(country);
        Map<String, Double> market = shares(known ? countryFavourites.get(country) : everyone);
        return new Evidence(
                history,
                items,
                peers,
                communityShares,
                market,
                known ? country : Favourites.EVERYONE,
                shares(everyone),
                complementLinks);
    }

    private static Map<String, Double> shares(List<Favourite> favourites) {
        Map<String, Double> shares = new HashMap<>();
        favourites.forEach(f -> shares.put(f.sku(), f.share()));
        return shares;
    }

    /** score(q) = Σ over products p in the history of the number of customers who bought both p and q. */
    private static List<String> coOccurrence(
            String customer, Set<String> history, PurchaseHistory train, Map<String, List<String>> buyers, int k) {
        Map<String, Integer> overlap = new HashMap<>();
        for (String sku : history) {
            for (String other : buyers.getOrDefault(sku, List.of())) {
                if (!other.equals(customer)) {
                    overlap.merge(other, 1, Integer::sum);
                }
            }
        }
        Map<String, Long> scores = new HashMap<>();
        overlap.forEach((other, shared) -> {
            for (String sku : train.of(other)) {
                if (!history.contains(sku)) {
                    scores.merge(sku, (long) shared, Long::sum);
                }
            }
        });
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(k)
                .map(Map.Entry::getKey)
                .toList();
    }
}
