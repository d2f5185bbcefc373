package org.crmgraph.analytics.similarity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmgraph.analytics.AnalyticsProperties;
import org.crmgraph.analytics.purchase.PurchaseHistory;
import org.crmgraph.graph.cypher.CypherRunner;
import org.springframework.stereotype.Service;

/**
 * Writes a {@link SimilarityGraph} so analysts see it in Neo4j Browser and recommendations can read it:
 * <ul>
 *   <li>{@code (:Product)-[:SIMILAR_TO {score}]->(:Product)} and {@code (:Customer)-[:SIMILAR_TO {score}]->(:Customer)};
 *       only nodes whose list changed are written (a refresh on unchanged purchases writes none), and each node's
 *       old list is replaced by its new one in one transaction, so a reader sees one or the other, never a
 *       half-written list;</li>
 *   <li>{@code (:Community {id, size})}, {@code (:Customer)-[:IN_COMMUNITY]->(:Community)} and
 *       {@code Customer.communityId} (for colouring in Browser), {@code (:Community)-[:FAVOURS {rank, buyers, share,
 *       lift}]->(:Product)} (most bought) and {@code -[:CHARACTERISED_BY]->} (highest lift);</li>
 *   <li>{@code (:Market {id: country | 'ALL', size})-[:FAVOURS]->(:Product)}: the cold-start fallback.</li>
 * </ul>
 * Communities and markets are replaced as a whole in one transaction each.
 */
@Service
public class SimilarityWriter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SimilarityWriter.class);

    private static final int BATCH = 1_000;
    private static final int CHARACTERISTIC_PRODUCTS = 10;
    private static final double CHARACTERISTIC_MIN_SHARE = 0.05;

    private static final String CURRENT_PRODUCT_NEIGHBOURS = """
            MATCH (p:Product)-[s:SIMILAR_TO]->(q:Product)
            RETURN p.sku AS key, collect({key: q.sku, score: s.score}) AS neighbours
            """;
    private static final String CURRENT_CUSTOMER_NEIGHBOURS = """
            MATCH (c:Customer)-[s:SIMILAR_TO]->(d:Customer)
            RETURN c.id AS key, collect({key: d.id, score: s.score}) AS neighbours
            """;
    private static final String PRODUCT_NEIGHBOURS = """
            UNWIND $rows AS row
            MATCH (p:Product {sku: row.key})
            CALL (p) { MATCH (p)-[old:SIMILAR_TO]->(:Product) DELETE old }
            WITH p, row
            UNWIND row.neighbours AS n
            MATCH (q:Product {sku: n.key})
            CREATE (p)-[:SIMILAR_TO {score: n.score}]->(q)
            """;
    private static final String CUSTOMER_NEIGHBOURS = """
            UNWIND $rows AS row
            MATCH (c:Customer {id: row.key})
            CALL (c) { MATCH (c)-[old:SIMILAR_TO]->(:Customer) DELETE old }
            WITH c, row
            UNWIND row.neighbours AS n
            MATCH (d:Customer {id: n.key})
            CREATE (c)-[:SIMILAR_TO {score: n.score}]->(d)
            """;
    // products nobody bought any more, customers without orders: their old lists go
    private static final String STALE_NEIGHBOURS = """
            CALL () {
              MATCH (p:Product)-[old:SIMILAR_TO]->(:Product) WHERE NOT EXISTS { (:Order)-[:CONTAINS]->(p) } DELETE old
            }
            CALL () {
              MATCH (c:Customer)-[old:SIMILAR_TO]->(:Customer) WHERE NOT EXISTS { (c)-[:PLACED]->(:Order) } DELETE old
            }
            """;
    private static final String CLEAR_COMMUNITIES = """
            CALL () { MATCH (k:Community) DETACH DELETE k }
            CALL () { MATCH (c:Customer) WHERE c.communityId IS NOT NULL REMOVE c.communityId }
            """;
    private static final String CREATE_COMMUNITIES = """
            UNWIND $groups AS row
            CREATE (k:Community {id: row.id, rank: row.rank, size: row.size, updatedAt: datetime()})
            WITH k, row
            CALL (k, row) {
              UNWIND row.favourites AS f
              MATCH (p:Product {sku: f.sku})
              CREATE (k)-[:FAVOURS {rank: f.rank, buyers: f.buyers, share: f.share, lift: f.lift}]->(p)
            }
            CALL (k, row) {
              UNWIND row.characteristic AS f
              MATCH (p:Product {sku: f.sku})
              CREATE (k)-[:CHARACTERISED_BY {rank: f.rank, buyers: f.buyers, share: f.share, lift: f.lift}]->(p)
            }
            """;
    private static final String JOIN_COMMUNITIES = """
            UNWIND $members AS m
            MATCH (c:Customer {id: m.customer}), (k:Community {id: m.community})
            CREATE (c)-[:IN_COMMUNITY]->(k)
            SET c.communityId = m.community
            """;
    private static final String REPLACE_MARKETS = """
            CALL () { MATCH (m:Market) DETACH DELETE m }
            UNWIND $groups AS row
            CREATE (m:Market {id: row.id, size: row.size, updatedAt: datetime()})
            WITH m, row
            UNWIND row.favourites AS f
            MATCH (p:Product {sku: f.sku})
            CREATE (m)-[:FAVOURS {rank: f.rank, buyers: f.buyers, share: f.share, lift: f.lift}]->(p)
            """;

    private final CypherRunner cypher;
    private final AnalyticsProperties settings;

    public SimilarityWriter(CypherRunner cypher, AnalyticsProperties settings) {
        this.cypher = cypher;
        this.settings = settings;
    }

    /** @return the relationships and nodes written, by kind */
    public Map<String, Long> write(SimilarityGraph similarity, PurchaseHistory history) {
        Map<String, Long> written = new HashMap<>();
        long started = System.nanoTime();
        written.put(
                "similarProducts",
                neighbours(PRODUCT_NEIGHBOURS, CURRENT_PRODUCT_NEIGHBOURS, history.catalogue(), similarity.products()));
        log.debug("product similarities written in {} ms", (System.nanoTime() - started) / 1_000_000);
        written.put(
                "similarCustomers",
                neighbours(
                        CUSTOMER_NEIGHBOURS,
                        CURRENT_CUSTOMER_NEIGHBOURS,
                        history.products().keySet(),
                        similarity.customers()));
        log.debug("customer similarities written in {} ms", (System.nanoTime() - started) / 1_000_000);
        cypher.write(STALE_NEIGHBOURS, Map.of());
        log.debug("stale similarities removed in {} ms", (System.nanoTime() - started) / 1_000_000);
        written.put("communities", (long) communities(similarity.communities(), history));
        log.debug("communities written in {} ms", (System.nanoTime() - started) / 1_000_000);
        written.put("markets", (long) markets(history));
        log.debug("markets written in {} ms", (System.nanoTime() - started) / 1_000_000);
        return written;
    }

    /** @return the relationships of the new lists, written or already there */
    private long neighbours(String query, String current, Set<String> keys, Map<String, List<Neighbour>> neighbours) {
        Map<String, Set<Neighbour>> existing = new HashMap<>();
        cypher.read(
                current,
                Map.of(),
                r -> existing.put(
                        r.get("key").asString(),
                        new HashSet<>(r.get("neighbours")
                                .asList(v -> new Neighbour(
                                        v.get("key").asString(), v.get("score").asDouble())))));
        List<Map<String, Object>> rows = new ArrayList<>();
        long relationships = 0;
        for (String key : keys) {
            List<Neighbour> fresh = neighbours.getOrDefault(key, List.of());
            relationships += fresh.size();
            if (new HashSet<>(fresh).equals(existing.getOrDefault(key, Set.of()))) {
                continue;
            }
            List<Map<String, Object>> list = fresh.stream()
                    .map(n -> Map.<String, Object>of("key", n.key(), "score", n.score()))
                    .toList();
            rows.add(Map.of("key", key, "neighbours", list));
            if (rows.size() == BATCH) {
                cypher.write(query, Map.of("rows", List.copyOf(rows)));
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            cypher.write(query, Map.of("rows", rows));
        }
        return relationships;
    }

    private int communities(Map<String, Integer> ranked, PurchaseHistory history) {
        // communities come numbered by size (1 the largest); the ids of the last refresh carry over to the most alike
        Map<Integer, java.util.Set<String>> byRank = new HashMap<>();
        ranked.forEach((customer, rank) ->
                byRank.computeIfAbsent(rank, k -> new java.util.HashSet<>()).add(customer));
        Map<Integer, java.util.Set<String>> previous = new HashMap<>();
        cypher.read(
                "MATCH (c:Customer)-[:IN_COMMUNITY]->(k:Community) RETURN k.id AS id, collect(c.id) AS members",
                Map.of(),
                r -> previous.put(
                        r.get("id").asInt(),
                        new java.util.HashSet<>(r.get("members").asList(v -> v.asString()))));
        Map<Integer, Integer> stable =
                org.crmgraph.analytics.StableIds.carryOver(cypher, "community", previous, byRank);
        Map<Integer, Integer> rankOf = new HashMap<>();
        stable.forEach((rank, id) -> rankOf.put(id, rank));
        Map<String, Integer> communities = new HashMap<>();
        ranked.forEach((customer, rank) -> communities.put(customer, stable.get(rank)));
        var favourites = Favourites.byGroup(history, communities::get, settings.communityFavourites());
        var characteristic =
                Favourites.characteristic(history, communities, CHARACTERISTIC_PRODUCTS, CHARACTERISTIC_MIN_SHARE);
        Map<Integer, Integer> sizes = new HashMap<>();
        communities.values().forEach(id -> sizes.merge(id, 1, Integer::sum));
        List<Map<String, Object>> groups = new ArrayList<>();
        sizes.forEach((id, size) -> groups.add(Map.of(
                "id",
                id,
                "rank",
                rankOf.get(id),
                "size",
                size,
                "favourites",
                rows(favourites.getOrDefault(id, List.of())),
                "characteristic",
                rows(characteristic.getOrDefault(id, List.of())))));
        List<Map<String, Object>> members = communities.entrySet().stream()
                .map(e -> Map.<String, Object>of("customer", e.getKey(), "community", e.getValue()))
                .toList();
        cypher.inWrite(tx -> {
            tx.run(CLEAR_COMMUNITIES).consume();
            tx.run(CREATE_COMMUNITIES, Map.of("groups", groups)).consume();
            return tx.run(JOIN_COMMUNITIES, Map.of("members", members)).consume();
        });
        return groups.size();
    }

    private int markets(PurchaseHistory history) {
        var byCountry = Favourites.byGroup(history, history.countries()::get, settings.communityFavourites());
        var everyone = Favourites.byGroup(history, customer -> Favourites.EVERYONE, settings.communityFavourites());
        Map<String, Integer> sizes = new HashMap<>();
        history.products().keySet().forEach(customer -> {
            sizes.merge(Favourites.EVERYONE, 1, Integer::sum);
            String country = history.countries().get(customer);
            if (country != null) {
                sizes.merge(country, 1, Integer::sum);
            }
        });
        List<Map<String, Object>> groups = new ArrayList<>();
        byCountry.forEach((country, list) ->
                groups.add(Map.of("id", country, "size", sizes.get(country), "favourites", rows(list))));
        everyone.forEach(
                (all, list) -> groups.add(Map.of("id", all, "size", sizes.get(all), "favourites", rows(list))));
        cypher.write(REPLACE_MARKETS, Map.of("groups", groups));
        return groups.size();
    }

    private static List<Map<String, Object>> rows(List<Favourite> favourites) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < favourites.size(); i++) {
            Favourite f = favourites.get(i);
            rows.add(Map.of(
                    "rank",
                    i + 1,
                    "sku",
                    f.sku(),
                    "buyers",
                    f.buyers(),
                    "share",
                    round(f.share()),
                    "lift",
                    round(f.lift())));
        }
        return rows;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
