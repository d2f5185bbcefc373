package org.crmgraph.analytics.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RenumberBySizeTests {

    @Test
    void communitiesAreNumberedFromTheLargestAndTinyOnesDropped() {
        Map<String, Integer> numbered = SimilarityAndCommunities.renumberBySize(
                Map.of("a", 70L, "b", 70L, "c", 70L, "d", 9L, "e", 9L, "f", 9L, "g", 9L, "h", 5L));
        assertThat(numbered)
                .containsEntry("d", 1)
                .containsEntry("g", 1)
                .containsEntry("a", 2)
                .doesNotContainKey("h");
    }
}
