package org.crmgraph.analytics.recommend;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the graph says about what one customer might buy next; {@link RecommendationScorer} turns it into
 * a ranking. Gathered by {@link EvidenceQuery} from the written graph for live answers, and from a similarity
 * graph of the past for the offline evaluation, so both rank with the same code.
 *
 * @param bought    skus the customer bought: never recommended again
 * @param items     "bought X, X is similar to Y" links: product similarity ({@code SIMILAR_TO} between products)
 * @param peers     sku → votes of the customer's most similar customers who bought it
 * @param community sku → share of the customer's community who bought it
 * @param market    sku → share of the customers of the customer's country (or of everyone) who bought it
 * @param marketId  the country code of {@code market}, or {@code ALL}
 * @param bestSellers sku → share of all customers who bought it: fills the list when nothing else is left
 * @param complements "bought X, X adds Y" links: the EASE^R weights ({@code COMPLEMENTS} between products)
 */
public record Evidence(
        Set<String> bought,
        List<ItemLink> items,
        Map<String, PeerVotes> peers,
        Map<String, Double> community,
        Map<String, Double> market,
        String marketId,
        Map<String, Double> bestSellers,
        List<ItemLink> complements) {

    /** Without complements (a graph refreshed before they were written). */
    public Evidence(
            Set<String> bought,
            List<ItemLink> items,
            Map<String, PeerVotes> peers,
            Map<String, Double> community,
            Map<String, Double> market,
            String marketId,
            Map<String, Double> bestSellers) {
        this(bought, items, peers, community, market, marketId, bestSellers, List.of());
    }

    /** The customer bought {@code via} (named {@code viaName}); {@code sku} is similar to it with {@code score}. */
    public record ItemLink(String via, String viaName, String sku, double score) {}

    /** @param score the sum of the similarities of the similar customers who bought it */
    public record PeerVotes(double score, int buyers) {}
}
