package org.crmgraph.analytics.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crmgraph.analytics.AnalyticsProperties;
import org.crmgraph.analytics.purchase.PurchaseHistory;
import org.crmgraph.analytics.similarity.Neighbour;
import org.crmgraph.graph.cypher.CypherRunner;
import org.springframework.stereotype.Service;

/**
 * Fits the EASE^R model on every purchase ({@link EaseModel}) and writes each covered product's
 * {@value #PER_PRODUCT} weights largest in size (positive: bought with it; negative: less likely with it, given the
 * rest of the basket) as {@code (:Product)-[:COMPLEMENTS {score}]->(:Product)}, in the refresh's
 * SIMILARITY step: the recommendation query reads them as it reads {@code SIMILAR_TO}. A product's list is replaced in
 * one transaction with the others of its batch, so a reader sees its old list or its new one.
 */
@Service
public class ComplementsWriter {

    static final int PER_PRODUCT = 20;
    private static final int BATCH = 200;

    private static final String REPLACE = """
            UNWIND $rows AS row
            MATCH (p:Product {sku: row.sku})
            CALL (p) { MATCH (p)-[old:COMPLEMENTS]->() DELETE old }
            WITH p, row
            UNWIND row.links AS link
            MATCH (q:Product {sku: link.sku})
            CREATE (p)-[:COMPLEMENTS {score: link.score}]->(q)
            """;
    private static final String REMOVE_OTHERS = """
            MATCH (p:Product)-[old:COMPLEMENTS]->() WHERE NOT p.sku IN $skus DELETE old
            """;

    private final CypherRunner cypher;
    private final AnalyticsProperties settings;

    public ComplementsWriter(CypherRunner cypher, AnalyticsProperties settings) {
        this.cypher = cypher;
        this.settings = settings;
    }

    /** How many products got complements. */
    public int write(PurchaseHistory history) {
        Map<String, List<Neighbour>> strongest = strongest(history, settings.complementsLambda());
        List<Map<String, Object>> rows = new ArrayList<>(strongest.size());
        strongest.forEach((sku, links) -> rows.add(Map.of(
                "sku",
                sku,
                "links",
                links.stream()
                        .map(n -> Map.of("sku", n.key(), "score", Math.round(n.score() * 1e6) / 1e6))
                        .toList())));
        cypher.write(REMOVE_OTHERS, Map.of("skus", List.copyOf(strongest.keySet())));
        for (int from = 0; from < rows.size(); from += BATCH) {
            cypher.write(REPLACE, Map.of("rows", rows.subList(from, Math.min(rows.size(), from + BATCH))));
        }
        return rows.size();
    }

    /** The links the recommendation query would read for these products, from a model fitted on {@code history}. */
    public static Map<String, List<Neighbour>> strongest(PurchaseHistory history, double lambda) {
        return EaseModel.fit(history, lambda, EaseModel.COVERED_PRODUCTS).strongest(PER_PRODUCT);
    }
}
