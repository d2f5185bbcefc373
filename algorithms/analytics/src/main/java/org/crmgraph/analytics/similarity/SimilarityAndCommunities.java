package org.crmgraph.analytics.similarity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.analytics.AnalyticsProperties;
import org.crmgraph.analytics.gds.InMemoryGraph;
import org.crmgraph.graph.cypher.CypherRunner;
import org.springframework.stereotype.Service;

/**
 * Product–product and customer–customer similarity, and customer communities, from the purchase graph, in two
 * GDS lifecycles:
 * <ol>
 *   <li>project the purchases both ways, {@code (Customer)-[:BOUGHT]->(Product)} and
 *       {@code (Product)-[:BOUGHT_BY]->(Customer)}, one relationship per distinct pair bought before a cut-off
 *       (none: everything); node similarity (Jaccard over neighbour sets) streams the top-K per node, once over
 *       {@code BOUGHT} (customers compared by what they bought) and once over {@code BOUGHT_BY} (products compared
 *       by who bought them). Two directed runs, because one run on an undirected graph also compares every
 *       customer with every product, which never share a neighbour: 10 s instead of 16 s on Online Retail; drop;</li>
 *   <li>project the customers' similarities as an undirected weighted graph and run Leiden on it with a fixed
 *       seed (modularity about 0.56 on Online Retail, and 1.9 s where Louvain on the same graph took 11 s);
 *       drop.</li>
 * </ol>
 * Above {@code crm.analytics.exact-similarity-max-customers} buying customers, the customers' neighbours come from
 * GDS KNN instead (step 1 runs over {@code BOUGHT_BY} only): each customer's products as a list property, the same
 * Jaccard measure, neighbours of neighbours refined from a seeded random start (one thread, so a refresh of the same
 * purchases finds the same neighbours). Exact node similarity compares every pair of customers who share a product,
 * and a product bought by n customers makes n² pairs: ten times the customers made the step 29 times slower.
 *
 * <p>Nothing is written here: {@link SimilarityWriter} writes a result to the graph, the offline evaluation uses
 * one computed on the past only.
 */
@Service
public class SimilarityAndCommunities {

    static final int MIN_COMMUNITY_SIZE = 3;
    /**
     * GDS keeps an arbitrary few of neighbours with equal scores at the top-K boundary, and which ones changes with
     * thread timing; asking for a few more and cutting by (score, key) here makes a refresh of the same purchases
     * write the same relationships.
     */
    private static final int TIE_MARGIN = 5;

    private static final String PROJECT_PURCHASES = """
            MATCH (c:Customer)-[:PLACED]->(o:Order)
            WHERE $before IS NULL OR o.placedAt < $before
            MATCH (o)-[:CONTAINS]->(p:Product)
            WITH DISTINCT c, p
            WHERE NOT p.sku IN coalesce($hidden[c.id], [])
            UNWIND [{from: c, to: p, type: 'BOUGHT'}, {from: p, to: c, type: 'BOUGHT_BY'}] AS r
            RETURN gds.graph.project($graph, r.from, r.to, {sourceNodeLabels: labels(r.from),
                     targetNodeLabels: labels(r.to), relationshipType: r.type}) AS projection
            """;
    private static final String SIMILARITY = """
            CALL gds.nodeSimilarity.stream($graph, {topK: $topK, concurrency: $concurrency, relationshipTypes: [$type]})
            YIELD node1, node2, similarity
            WITH gds.util.asNode(node1) AS a, gds.util.asNode(node2) AS b, similarity
            RETURN a:Product AS product, coalesce(a.sku, a.id) AS from, coalesce(b.sku, b.id) AS to, similarity AS score
            """;
    private static final String BUYERS = """
            MATCH (c:Customer) WHERE EXISTS { (c)-[:PLACED]->(:Order) } RETURN count(c) AS buyers
            """;
    private static final String PRODUCT_NUMBERS = """
            MATCH (p:Product) RETURN p.sku AS sku ORDER BY sku
            """;
    // each buying customer with the numbers of the products they bought, the same purchases as PROJECT_PURCHASES
    private static final String PROJECT_BASKETS = """
            MATCH (c:Customer)-[:PLACED]->(o:Order)
            WHERE $before IS NULL OR o.placedAt < $before
            MATCH (o)-[:CONTAINS]->(p:Product)
            WITH DISTINCT c, p
            WHERE NOT p.sku IN coalesce($hidden[c.id], [])
            WITH c, $numbers[p.sku] AS number ORDER BY number
            WITH c, collect(number) AS products
            RETURN gds.graph.project($graph, c, null, {sourceNodeProperties: {products: products}, targetNodeProperties: null})
                     AS projection
            """;
    private static final String NEAREST_CUSTOMERS = """
            CALL gds.knn.stream($graph, {nodeProperties: {products: 'JACCARD'}, topK: $topK, randomSeed: $seed,
                                         concurrency: 1, sampleRate: 0.5, deltaThreshold: 0.001, maxIterations: 100,
                                         similarityCutoff: 0.000001})
            YIELD node1, node2, similarity
            RETURN gds.util.asNode(node1).id AS from, gds.util.asNode(node2).id AS to, similarity AS score
            """;
    private static final String PROJECT_NEIGHBOURS = """
            UNWIND $pairs AS pair
            MATCH (a:Customer {id: pair.from}), (b:Customer {id: pair.to})
            RETURN gds.graph.project($graph, a, b, {relationshipProperties: {score: pair.score}},
                     {undirectedRelationshipTypes: ['*']}) AS projection
            """;
    // a seeded Leiden needs one thread; a few thousand customers take about two seconds
    private static final String COMMUNITIES = """
            CALL gds.leiden.stream($graph, {relationshipWeightProperty: 'score', randomSeed: $seed, concurrency: 1})
            YIELD nodeId, communityId
            RETURN gds.util.asNode(nodeId).id AS customer, communityId
            """;

    private final CypherRunner cypher;
    private final AnalyticsProperties settings;

    public SimilarityAndCommunities(CypherRunner cypher, AnalyticsProperties settings) {
        this.cypher = cypher;
        this.settings = settings;
    }

    /** On purchases before {@code before}; {@code null} takes all of them. */
    public SimilarityGraph compute(OffsetDateTime before) {
        return compute(before, Map.of());
    }

    /**
     * On purchases before {@code before} ({@code null}: all), leaving out {@code hidden} (customer id → skus): the
     * offline evaluation's random split, whose hidden purchases are not in the training graph.
     */
    public SimilarityGraph compute(OffsetDateTime before, Map<String, List<String>> hidden) {
        Map<String, Object> cutoff = new HashMap<>();
        cutoff.put("before", before);
        cutoff.put("hidden", hidden);
        Map<String, List<Neighbour>> products = new HashMap<>();
        Map<String, List<Neighbour>> customers = new HashMap<>();
        boolean approximate = approximateCustomers();
        try (InMemoryGraph graph = InMemoryGraph.project(cypher, "purchases", PROJECT_PURCHASES, cutoff)) {
            List<String> types = approximate ? List.of("BOUGHT_BY") : List.of("BOUGHT", "BOUGHT_BY");
            for (String type : graph.isEmpty() ? List.<String>of() : types) {
                cypher.write(
                        SIMILARITY,
                        graph.parameters(Map.of(
                                "topK",
                                settings.similarityTopK() + TIE_MARGIN,
                                "concurrency",
                                settings.concurrency(),
                                "type",
                                type)),
                        r -> {
                            var target = r.get("product").asBoolean() ? products : customers;
                            target.computeIfAbsent(r.get("from").asString(), k -> new ArrayList<>())
                                    .add(new Neighbour(
                                            r.get("to").asString(),
                                            round(r.get("score").asDouble())));
                            return null;
                        });
            }
        }
        if (approximate) {
            nearestCustomers(cutoff, customers);
        }
        Comparator<Neighbour> best =
                Comparator.comparingDouble(Neighbour::score).reversed().thenComparing(Neighbour::key);
        products.replaceAll((key, list) -> topK(list, best));
        customers.replaceAll((key, list) -> topK(list, best));
        return new SimilarityGraph(products, customers, communities(customers));
    }

    private boolean approximateCustomers() {
        long buyers =
                cypher.read(BUYERS, Map.of(), r -> r.get("buyers").asLong()).getFirst();
        return buyers > settings.exactSimilarityMaxCustomers();
    }

    /** Each customer's nearest customers by the Jaccard similarity of what they bought (GDS KNN). */
    private void nearestCustomers(Map<String, Object> cutoff, Map<String, List<Neighbour>> customers) {
        Map<String, Object> numbers = new HashMap<>();
        List<String> skus =
                cypher.read(PRODUCT_NUMBERS, Map.of(), r -> r.get("sku").asString());
        for (int i = 0; i < skus.size(); i++) {
            numbers.put(skus.get(i), (long) i);
        }
        Map<String, Object> parameters = new HashMap<>(cutoff);
        parameters.put("numbers", numbers);
        try (InMemoryGraph graph = InMemoryGraph.project(cypher, "baskets", PROJECT_BASKETS, parameters)) {
            if (graph.isEmpty()) {
                return;
            }
            cypher.write(
                    NEAREST_CUSTOMERS,
                    graph.parameters(
                            Map.of("topK", settings.similarityTopK() + TIE_MARGIN, "seed", settings.randomSeed())),
                    r -> {
                        customers
                                .computeIfAbsent(r.get("from").asString(), k -> new ArrayList<>())
                                .add(new Neighbour(
                                        r.get("to").asString(),
                                        round(r.get("score").asDouble())));
                        return null;
                    });
        }
    }

    private Map<String, Integer> communities(Map<String, List<Neighbour>> customers) {
        List<Map<String, Object>> pairs = new ArrayList<>();
        customers.forEach((from, neighbours) ->
                neighbours.forEach(n -> pairs.add(Map.of("from", from, "to", n.key(), "score", n.score()))));
        if (pairs.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> raw = new HashMap<>();
        try (InMemoryGraph graph =
                InMemoryGraph.project(cypher, "neighbours", PROJECT_NEIGHBOURS, Map.of("pairs", pairs))) {
            if (graph.isEmpty()) {
                return Map.of();
            }
            cypher.write(COMMUNITIES, graph.parameters(Map.of("seed", settings.randomSeed())), r -> {
                raw.put(r.get("customer").asString(), r.get("communityId").asLong());
                return null;
            });
        }
        return renumberBySize(raw);
    }

    private List<Neighbour> topK(List<Neighbour> neighbours, Comparator<Neighbour> best) {
        neighbours.sort(best);
        return new ArrayList<>(neighbours.subList(0, Math.min(settings.similarityTopK(), neighbours.size())));
    }

    /** Six decimals: enough to rank, and a re-run on unchanged purchases gives equal lists that need no write. */
    static double round(double score) {
        return Math.round(score * 1e6) / 1e6;
    }

    /** Leiden's ids are arbitrary node ids; number communities 1, 2, ... from the largest, drop the tiny ones. */
    static Map<String, Integer> renumberBySize(Map<String, Long> raw) {
        Map<Long, Long> sizes = new HashMap<>();
        raw.values().forEach(id -> sizes.merge(id, 1L, Long::sum));
        List<Long> order = sizes.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_COMMUNITY_SIZE)
                .sorted(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
        Map<Long, Integer> number = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            number.put(order.get(i), i + 1);
        }
        Map<String, Integer> communities = new HashMap<>();
        raw.forEach((customer, id) -> {
            Integer n = number.get(id);
            if (n != null) {
                communities.put(customer, n);
            }
        });
        return communities;
    }
}
