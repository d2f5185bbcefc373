package org.crmgraph.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmgraph.graph.cypher.CypherRunner;

/**
 * Ids of groups (segments, communities) that survive a refresh: a new group takes the id of the previous group it
 * shares most members with (Jaccard similarity of at least {@link #MIN_OVERLAP}, the closest pairs first, each old id
 * used once); a group like no earlier one gets an id never used before, from a sequence kept in the graph. A client
 * that stored "segment 7" still finds the same customers there after the nightly refresh, mostly.
 */
public final class StableIds {

    /** Least Jaccard similarity of members for a new group to carry an old group's id. */
    public static final double MIN_OVERLAP = 0.3;

    private static final String NEXT_FREE = """
            MERGE (s:IdSequence {name: $name})
              ON CREATE SET s.next = $floor
            SET s.next = CASE WHEN s.next < $floor THEN $floor ELSE s.next END
            RETURN s.next AS next
            """;
    private static final String TAKE = """
            MATCH (s:IdSequence {name: $name}) SET s.next = $next
            """;

    private StableIds() {}

    /**
     * @param previous  members of each group of the last refresh, by its id
     * @param next      members of each new group, by its rank (1 for the first)
     * @param firstFree the least id never used before
     * @return the id of each new group, by rank
     */
    public static Map<Integer, Integer> carryOver(
            Map<Integer, Set<String>> previous, Map<Integer, Set<String>> next, int firstFree) {
        record Pair(int rank, int id, double jaccard) {}
        List<Pair> pairs = new ArrayList<>();
        next.forEach((rank, members) -> previous.forEach((id, before) -> {
            int shared = 0;
            Set<String> smaller = members.size() <= before.size() ? members : before;
            Set<String> larger = smaller == members ? before : members;
            for (String member : smaller) {
                if (larger.contains(member)) {
                    shared++;
                }
            }
            double jaccard = shared == 0 ? 0 : shared / (double) (members.size() + before.size() - shared);
            if (jaccard >= MIN_OVERLAP) {
                pairs.add(new Pair(rank, id, jaccard));
            }
        }));
        pairs.sort(Comparator.comparingDouble(Pair::jaccard)
                .reversed()
                .thenComparingInt(Pair::rank)
                .thenComparingInt(Pair::id));
        Map<Integer, Integer> ids = new HashMap<>();
        Set<Integer> taken = new HashSet<>();
        for (Pair pair : pairs) {
            if (!ids.containsKey(pair.rank()) && taken.add(pair.id())) {
                ids.put(pair.rank(), pair.id());
            }
        }
        int free = firstFree;
        for (Integer rank : next.keySet().stream().sorted().toList()) {
            if (!ids.containsKey(rank)) {
                ids.put(rank, free++);
            }
        }
        return ids;
    }

    /**
     * {@link #carryOver} with the sequence of never-used ids kept in the graph ({@code (:IdSequence {name})}), so an id
     * is not handed out again after its group disappeared.
     */
    public static Map<Integer, Integer> carryOver(
            CypherRunner cypher, String sequence, Map<Integer, Set<String>> previous, Map<Integer, Set<String>> next) {
        int floor = previous.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        int firstFree = cypher.write(
                        NEXT_FREE,
                        Map.of("name", sequence, "floor", floor),
                        r -> r.get("next").asInt())
                .getFirst();
        Map<Integer, Integer> ids = carryOver(previous, next, firstFree);
        int used = ids.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        cypher.write(TAKE, Map.of("name", sequence, "next", Math.max(firstFree, used + 1)));
        return ids;
    }
}
