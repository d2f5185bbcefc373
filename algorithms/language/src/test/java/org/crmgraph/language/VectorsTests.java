package org.crmgraph.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VectorsTests {

    @Test
    void theNearestIsTheSmallestAngleNotTheShortestDistanceAndNoneAmongNothing() {
        float[] query = {1, 0};
        // the long vector points the same way; the short one is closer in distance but off by 45 degrees
        List<float[]> candidates = List.of(new float[] {0, 1}, new float[] {0.5f, 0.5f}, new float[] {10, 0.1f});
        assertThat(Vectors.nearest(query, candidates)).isEqualTo(2);
        assertThat(Vectors.nearest(query, List.of())).isEqualTo(-1);
    }
}
