package org.crmgraph.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Group ids follow the members across refreshes, and a new group never gets an id used before. */
class StableIdsTests {

    private static final Map<Integer, Set<String>> BEFORE = Map.of(
            7, Set.of("a", "b", "c", "d"),
            9, Set.of("e", "f", "g"));

    @Test
    void unchangedGroupsKeepTheirIdsWhateverTheirNewRank() {
        // the second group grew and now ranks first
        var next = Map.of(
                1, Set.of("e", "f", "g", "h", "i"),
                2, Set.of("a", "b", "c", "d"));
        assertThat(StableIds.carryOver(BEFORE, next, 10)).isEqualTo(Map.of(1, 9, 2, 7));
    }

    @Test
    void aGroupLikeNoEarlierOneGetsAFreshIdAndOldIdsAreNotReused() {
        var next = Map.of(
                1, Set.of("a", "b", "c"),
                2, Set.of("x", "y", "z"));
        // 9 vanished; it is not handed to the new group, which gets the first id never used
        assertThat(StableIds.carryOver(BEFORE, next, 10)).isEqualTo(Map.of(1, 7, 2, 10));
    }

    @Test
    void aSplitGroupLeavesItsIdWithTheHalfMostLikeItAndTooLittleOverlapIsNoLikeness() {
        var next = Map.of(
                1, Set.of("a", "b", "c"), // Jaccard 3/4 with 7
                2, Set.of("d", "x", "y", "z"), // Jaccard 1/7 with 7: below the threshold
                3, Set.of("e", "f", "g"));
        assertThat(StableIds.carryOver(BEFORE, next, 12)).isEqualTo(Map.of(1, 7, 2, 12, 3, 9));
    }

    @Test
    void theFirstRefreshNumbersByRankFromTheFirstFreeId() {
        var next = Map.of(1, Set.of("a"), 2, Set.of("b"), 3, Set.of("c"));
        assertThat(StableIds.carryOver(Map.of(), next, 1)).isEqualTo(Map.of(1, 1, 2, 2, 3, 3));
    }
}
