package org.crmgraph.analytics.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmgraph.analytics.similarity.Favourites;
import org.crmgraph.graph.cypher.Records;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;

/**
 * Reads one customer's {@link Evidence} from what the analytics refresh wrote, in one read transaction of one
 * query: their distinct products (live, from their orders), those products' {@code SIMILAR_TO} neighbours (summed
 * per candidate in Cypher, with the bought product most similar to it: the scorer gets the same sum and the same
 * strongest link as from the separate links, in fewer rows), what
 * their {@code SIMILAR_TO} customers bought ({@code BOUGHT}, as of the refresh), their community's and their
 * country's favourites, and the bought products' {@code COMPLEMENTS} (EASE^R weights, summed like the similarities).
 * Every hop is bounded by the refresh's
 * top-K, so the cost grows with the customer's own history, not with the graph.
 */
final class EvidenceQuery {

    private static final String EVIDENCE = """
            MATCH (c:Customer {id: $id})
            CALL (c) {
              OPTIONAL MATCH (c)-[:PLACED]->(:Order)-[:CONTAINS]->(b:Product)
              WITH DISTINCT b
              RETURN collect(b.sku) AS bought, collect(b) AS boughtNodes
            }
            CALL (boughtNodes) {
              UNWIND boughtNodes AS b
              MATCH (b)-[s:SIMILAR_TO]->(q:Product)
              WITH q, s.score AS score, b.sku AS via ORDER BY score DESC, via
              WITH q, sum(score) AS score, head(collect(via)) AS via
              RETURN collect({via: via, sku: q.sku, score: score}) AS items
            }
            CALL (boughtNodes) {
              UNWIND boughtNodes AS b
              MATCH (b)-[w:COMPLEMENTS]->(q:Product)
              WITH q, w.score AS score, b.sku AS via ORDER BY score DESC, via
              WITH q, sum(score) AS score, head(collect(via)) AS via
              RETURN collect({via: via, sku: q.sku, score: score}) AS complements
            }
            CALL (c) {
              MATCH (c)-[n:SIMILAR_TO]->(:Customer)-[:BOUGHT]->(q:Product)
              WITH q, sum(n.score) AS score, count(*) AS buyers
              RETURN collect({sku: q.sku, score: score, buyers: buyers}) AS peers
            }
            CALL (c) {
              MATCH (c)-[:IN_COMMUNITY]->(:Community)-[f:FAVOURS]->(q:Product)
              RETURN collect({sku: q.sku, share: f.share}) AS community
            }
            CALL (c) {
              OPTIONAL MATCH (m:Market {id: c.country})
              OPTIONAL MATCH (all:Market {id: $everyone})
              WITH coalesce(m, all) AS chosen
              CALL (chosen) {
                MATCH (chosen)-[f:FAVOURS]->(q:Product)
                RETURN collect({sku: q.sku, share: f.share}) AS favourites
              }
              RETURN chosen.id AS marketId, favourites AS market
            }
            CALL () {
              MATCH (:Market {id: $everyone})-[f:FAVOURS]->(q:Product)
              RETURN collect({sku: q.sku, share: f.share}) AS bestSellers
            }
            RETURN bought, items, peers, community, market, marketId, bestSellers, complements
            """;

    private EvidenceQuery() {}

    /** Empty when there is no such customer. Product names are left out (the explanations that need one fetch it). */
    static Optional<Evidence> read(SimpleQueryRunner tx, String customerId) {
        return tx
                .run(EVIDENCE, Map.of("id", customerId, "everyone", Favourites.EVERYONE))
                .list(r -> {
                    Set<String> bought = new HashSet<>(r.get("bought").asList(Value::asString));
                    List<Evidence.ItemLink> items = links(r.get("items"));
                    Map<String, Evidence.PeerVotes> peers = new HashMap<>();
                    for (Value v : r.get("peers").values()) {
                        if (vanished(v, "score")) {
                            continue;
                        }
                        peers.put(
                                v.get("sku").asString(),
                                new Evidence.PeerVotes(
                                        v.get("score").asDouble(),
                                        v.get("buyers").asInt()));
                    }
                    return new Evidence(
                            bought,
                            items,
                            peers,
                            shares(r.get("community")),
                            shares(r.get("market")),
                            Records.string(r.get("marketId")),
                            shares(r.get("bestSellers")),
                            links(r.get("complements")));
                })
                .stream()
                .findFirst();
    }

    private static List<Evidence.ItemLink> links(Value list) {
        List<Evidence.ItemLink> links = new ArrayList<>();
        for (Value v : list.values()) {
            if (!vanished(v, "score")) {
                links.add(new Evidence.ItemLink(
                        v.get("via").asString(),
                        null,
                        v.get("sku").asString(),
                        v.get("score").asDouble()));
            }
        }
        return links;
    }

    private static Map<String, Double> shares(Value list) {
        Map<String, Double> shares = new HashMap<>();
        for (Value v : list.values()) {
            if (!vanished(v, "share")) {
                shares.put(v.get("sku").asString(), v.get("share").asDouble());
            }
        }
        return shares;
    }

    /**
     * A refresh replaces similarities and favourites while recommendations are read; under Neo4j's read-committed
     * isolation, a relationship matched just before another transaction deleted it reads back without properties. It
     * is gone: leave it out rather than fail the request.
     */
    private static boolean vanished(Value entry, String property) {
        return entry.get("sku").isNull() || entry.get(property).isNull();
    }
}
