package org.crmgraph.analytics.recommend;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmgraph.analytics.similarity.Neighbour;
import org.crmgraph.graph.customer.Customer;
import org.crmgraph.graph.customer.CustomerService;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.product.Product;
import org.crmgraph.graph.product.ProductService;
import org.springframework.stereotype.Service;

/**
 * Recommendations, similar products and similar customers, read from what the analytics refresh wrote
 * ({@code SIMILAR_TO}, communities, markets). Before the first refresh they are empty, except the cold-start
 * answer needs a refresh too: a graph without analytics has nothing to say.
 */
@Service
public class Recommendations {

    public static final int MAX_FIRST = 100;

    private static final String SIMILAR_PRODUCTS = """
            MATCH (:Product {sku: $key})-[s:SIMILAR_TO]->(q:Product)
            RETURN q.sku AS key, s.score AS score ORDER BY score DESC, key LIMIT $first
            """;
    private static final String SIMILAR_CUSTOMERS = """
            MATCH (:Customer {id: $key})-[s:SIMILAR_TO]->(d:Customer)
            RETURN d.id AS key, s.score AS score ORDER BY score DESC, key LIMIT $first
            """;

    // the products to show and the ones explanations name, in the transaction that read the evidence
    private static final String PRODUCTS = """
            UNWIND $skus AS sku
            MATCH (p:Product {sku: sku})
            %s
            RETURN %s AS p
            """.formatted(Product.RELATED, Product.PROJECTION);

    /** A similar product or customer with its score. */
    public record Similar<T>(T node, double score) {}

    private final CypherRunner cypher;
    private final ProductService products;
    private final CustomerService customers;

    public Recommendations(CypherRunner cypher, ProductService products, CustomerService customers) {
        this.cypher = cypher;
        this.products = products;
        this.customers = customers;
    }

    /** Empty when the customer does not exist. One read transaction: evidence, ranking, products. */
    public Optional<List<Recommendation>> forCustomer(String customerId, int first) {
        int n = clamp(first);
        return cypher.inRead(tx -> EvidenceQuery.read(tx, customerId).map(evidence -> {
            List<ScoredProduct> ranked = RecommendationScorer.rank(evidence, n);
            Set<String> skus = new LinkedHashSet<>();
            ranked.forEach(p -> {
                skus.add(p.sku());
                if (p.via() != null) {
                    skus.add(p.via());
                }
            });
            Map<String, Product> found = new HashMap<>();
            tx.run(PRODUCTS, Map.of("skus", List.copyOf(skus)))
                    .list(r -> Product.from(r.get("p")))
                    .forEach(p -> found.put(p.sku(), p));
            return ranked.stream()
                    .filter(p -> found.containsKey(p.sku()))
                    .map(p -> new Recommendation(
                            found.get(p.sku()),
                            p.score(),
                            p.via() == null
                                            || found.get(p.via()) == null
                                            || found.get(p.via()).name() == null
                                    ? p.explanation()
                                    : RecommendationScorer.becauseYouBought(
                                            found.get(p.via()).name())))
                    .toList();
        }));
    }

    public List<Similar<Product>> similarProducts(String sku, int first) {
        List<Neighbour> neighbours = neighbours(SIMILAR_PRODUCTS, sku, first);
        Map<String, Product> found =
                products.findAll(neighbours.stream().map(Neighbour::key).toList());
        return neighbours.stream()
                .filter(n -> found.containsKey(n.key()))
                .map(n -> new Similar<>(found.get(n.key()), n.score()))
                .toList();
    }

    public List<Similar<Customer>> similarCustomers(String customerId, int first) {
        List<Neighbour> neighbours = neighbours(SIMILAR_CUSTOMERS, customerId, first);
        Map<String, Customer> found =
                customers.findAll(neighbours.stream().map(Neighbour::key).toList());
        return neighbours.stream()
                .filter(n -> found.containsKey(n.key()))
                .map(n -> new Similar<>(found.get(n.key()), n.score()))
                .toList();
    }

    private List<Neighbour> neighbours(String query, String key, int first) {
        return cypher.read(
                query,
                Map.of("key", key, "first", clamp(first)),
                r -> new Neighbour(r.get("key").asString(), r.get("score").asDouble()));
    }

    private static int clamp(int first) {
        if (first < 1 || first > MAX_FIRST) {
            throw new IllegalArgumentException("first must be between 1 and " + MAX_FIRST + ", was " + first);
        }
        return first;
    }
}
