package org.crmgraph.algorithms.similarity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.algorithms.AnalyticsProperties;
import org.crmgraph.algorithms.gds.InMemoryGraph;
import org.crmgraph.graph.cypher.CypherRunner;
import org.springframework.stereotype.Service;

/**
 * Product–product and customer–customer similarity, and customer communities, in one GDS lifecycle on the
 * bipartite purchase graph:
 * <ol>
 *   <li>project {@code (Customer)-[:BOUGHT]-(Product)}, undirected, one relationship per distinct pair bought
 *       before a cut-off (none: everything);</li>
 *   <li>node similarity (Jaccard over neighbour sets) mutates {@code SIMILAR} with the top-K per node: products
 *       are compared by who bought them, customers by what they bought, in the same run;</li>
 *   <li>Louvain on the customers' {@code SIMILAR} relationships, weighted by score;</li>
 *   <li>both results are streamed out and the graph is dropped.</li>
 * </ol>
 * Nothing is written here: {@link SimilarityWriter} writes a result to the graph, the offline evaluation uses
 * one computed on the past only.
 */
@Service
public class SimilarityAndCommunities {

    static final int MIN_COMMUNITY_SIZE = 3;

    private static final String PROJECT = """
            MATCH (c:Customer)-[:PLACED]->(o:Order)
            WHERE $before IS NULL OR o.placedAt < $before
            MATCH (o)-[:CONTAINS]->(p:Product)
            WITH DISTINCT c, p
            RETURN gds.graph.project($graph, c, p,
                     {sourceNodeLabels: ['Customer'], targetNodeLabels: ['Product'], relationshipType: 'BOUGHT'},
                     {undirectedRelationshipTypes: ['BOUGHT']}) AS projection
            """;
    private static final String SIMILARITY = """
            CALL gds.nodeSimilarity.mutate($graph, {topK: $topK, similarityCutoff: 0.0, concurrency: $concurrency,
                 mutateRelationshipType: 'SIMILAR', mutateProperty: 'score'})
            YIELD relationshipsWritten RETURN relationshipsWritten
            """;
    private static final String STREAM_SIMILAR = """
            CALL gds.graph.relationshipProperty.stream($graph, 'score', ['SIMILAR'])
            YIELD sourceNodeId, targetNodeId, propertyValue
            WITH gds.util.asNode(sourceNodeId) AS a, gds.util.asNode(targetNodeId) AS b, propertyValue AS score
            RETURN a:Product AS product, coalesce(a.sku, a.id) AS from, coalesce(b.sku, b.id) AS to, score
            """;
    private static final String COMMUNITIES = """
            CALL gds.louvain.stream($graph, {nodeLabels: ['Customer'], relationshipTypes: ['SIMILAR'],
                 relationshipWeightProperty: 'score', concurrency: $concurrency})
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
        Map<String, Object> cutoff = new HashMap<>();
        cutoff.put("before", before);
        try (InMemoryGraph graph = InMemoryGraph.project(cypher, "purchases", PROJECT, cutoff)) {
            cypher.write(SIMILARITY, graph.parameters(Map.of("topK", settings.similarityTopK(),
                    "concurrency", settings.concurrency())));
            Map<String, List<Neighbour>> products = new HashMap<>();
            Map<String, List<Neighbour>> customers = new HashMap<>();
            cypher.write(STREAM_SIMILAR, graph.parameters(Map.of()), r -> {
                var target = r.get("product").asBoolean() ? products : customers;
                target.computeIfAbsent(r.get("from").asString(), k -> new ArrayList<>())
                        .add(new Neighbour(r.get("to").asString(), r.get("score").asDouble()));
                return null;
            });
            Comparator<Neighbour> best = Comparator.comparingDouble(Neighbour::score).reversed().thenComparing(Neighbour::key);
            products.values().forEach(list -> list.sort(best));
            customers.values().forEach(list -> list.sort(best));
            Map<String, Long> raw = new HashMap<>();
            cypher.write(COMMUNITIES, graph.parameters(Map.of("concurrency", settings.concurrency())), r -> {
                raw.put(r.get("customer").asString(), r.get("communityId").asLong());
                return null;
            });
            return new SimilarityGraph(products, customers, renumberBySize(raw));
        }
    }

    /** Louvain's ids are arbitrary node ids; number communities 1, 2, ... from the largest, drop the tiny ones. */
    static Map<String, Integer> renumberBySize(Map<String, Long> raw) {
        Map<Long, Long> sizes = new HashMap<>();
        raw.values().forEach(id -> sizes.merge(id, 1L, Long::sum));
        List<Long> order = sizes.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_COMMUNITY_SIZE)
                .sorted(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
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
