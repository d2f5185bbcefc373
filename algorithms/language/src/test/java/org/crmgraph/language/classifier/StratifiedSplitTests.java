package org.crmgraph.language.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StratifiedSplitTests {

    private static List<String> items() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add("a" + i);
        }
        for (int i = 0; i < 3; i++) {
            items.add("b" + i);
        }
        items.add("c0"); // a category with one example
        return items;
    }

    @Test
    void everyCategoryWithTwoOrMoreExamplesIsHeldOutInProportionAndASingletonOnlyTrains() {
        StratifiedSplit<String> split = StratifiedSplit.of(items(), s -> s.substring(0, 1), 0.2, 42);
        assertThat(split.validation()).filteredOn(s -> s.startsWith("a")).hasSize(2);
        assertThat(split.validation()).filteredOn(s -> s.startsWith("b")).hasSize(1);
        assertThat(split.validation()).noneMatch(s -> s.startsWith("c"));
        assertThat(split.train()).hasSize(14 - 3).contains("c0");
        assertThat(split.train()).doesNotContainAnyElementsOf(split.validation());
    }

    @Test
    void theSameSeedGivesTheSameSplitAndNeverHoldsOutAWholeCategory() {
        assertThat(StratifiedSplit.of(items(), s -> s.substring(0, 1), 0.3, 7).validation())
                .isEqualTo(StratifiedSplit.of(items(), s -> s.substring(0, 1), 0.3, 7)
                        .validation());
        StratifiedSplit<String> most = StratifiedSplit.of(List.of("x1", "x2"), s -> "x", 0.9, 1);
        assertThat(most.train()).hasSize(1);
        assertThat(most.validation()).hasSize(1);
    }
}
