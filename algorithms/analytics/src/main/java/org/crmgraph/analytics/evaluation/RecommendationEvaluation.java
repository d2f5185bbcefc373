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
                new RecommendationScorer.Weights(live.item(), live.peers(), 0, live.market(), live.bestSellers()));
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

    public EvaluationReport evaluate(int k) {
        long started = System.nanoTime();
        OffsetDateTime newest = PurchaseHistory.newestOrder(cypher);
        if (newest == null) {
            throw new IllegalStateException("there are no orders to evaluate recommendations on");
        }
        OffsetDateTime cutoff = newest.minusDays(settings.evaluationHoldoutDays());
        PurchaseHistory train = PurchaseHistory.load(cypher, null, cutoff);
        PurchaseHistory test = PurchaseHistory.load(cypher, cutoff, null);
        Map<String, Set<String>> targets = new HashMap<>();
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
        SimilarityGraph graph = similarity.compute(cutoff);
        Map<Integer, List<Favourite>> communityFavourites =
                Favourites.byGroup(train, graph.communities()::get, settings.communityFavourites());
        Map<String, List<Favourite>> countryFavourites =
                Favourites.byGroup(train, train.countries()::get, settings.communityFavourites());
        List<Favourite> everyone = Favourites.byGroup(train, c -> Favourites.EVERYONE, settings.communityFavourites())
                .getOrDefault(Favourites.EVERYONE, List.of());

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
        Map<String, RankingMetrics> ablations = new java.util.LinkedHashMap<>();
        ABLATIONS.keySet().forEach(name -> ablations.put(name, new RankingMetrics(k, catalogue)));
        targets.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String customer = entry.getKey();
            Set<String> history = train.of(customer);
            Evidence evidence =
                    evidence(customer, history, train, graph, communityFavourites, countryFavourites, everyone);
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
        });
        List<RankingMetrics.Result> results = new ArrayList<>(List.of(
                graphMetrics.result("graph"),
                popularityMetrics.result("popularity"),
                cooccurrenceMetrics.result("co-occurrence")));
        ablations.forEach((name, metrics) -> results.add(metrics.result(name)));
        return new EvaluationReport(
                k,
                cutoff,
                settings.evaluationHoldoutDays(),
                targets.size(),
                catalogue,
                results,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The evidence {@code EvidenceQuery} would read if this similarity graph had been written. */
    static Evidence evidence(
            String customer,
            Set<String> history,
            PurchaseHistory train,
            SimilarityGraph graph,
            Map<Integer, List<Favourite>> communityFavourites,
            Map<String, List<Favourite>> countryFavourites,
            List<Favourite> everyone) {
        List<Evidence.ItemLink> items = new ArrayList<>();
        for (String sku : history) {
            for (Neighbour n : graph.products().getOrDefault(sku, List.of())) {
                items.add(new Evidence.ItemLink(sku, null, n.key(), n.score()));
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
                shares(everyone));
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
