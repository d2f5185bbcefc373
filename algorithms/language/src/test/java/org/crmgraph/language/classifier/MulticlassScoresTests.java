package org.crmgraph.language.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MulticlassScoresTests {

    @Test
    void perfectPredictionsScoreOne() {
        MulticlassScores scores = MulticlassScores.of(List.of("a", "b", "c"), List.of("a", "b", "c"));
        assertThat(scores.accuracy()).isEqualTo(1.0);
        assertThat(scores.macroF1()).isEqualTo(1.0);
    }

    @Test
    void macroF1WeighsEveryTrueCategoryEqually() {
        // a: tp 2, fn 0, fp 1 -> F1 0.8; b: tp 0, fn 1 -> F1 0; c: tp 1 -> F1 1
        MulticlassScores scores = MulticlassScores.of(List.of("a", "a", "b", "c"), List.of("a", "a", "a", "c"));
        assertThat(scores.accuracy()).isEqualTo(0.75);
        assertThat(scores.macroF1()).isCloseTo((0.8 + 0 + 1) / 3, within(1e-9));
    }

    @Test
    void aMissingPredictionCountsAsWrongAndMismatchedListsAreRefused() {
        assertThat(MulticlassScores.of(List.of("a", "b"), java.util.Arrays.asList("a", null))
                        .accuracy())
                .isEqualTo(0.5);
        assertThatThrownBy(() -> MulticlassScores.of(List.of("a"), List.of())).hasMessageContaining("differ in length");
        assertThat(MulticlassScores.of(List.of(), List.of()).count()).isZero();
    }
}
