package org.crmgraph.language.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentimentLabelTests {

    @Test
    void labelsOfATrainingFileMatchInAnyCaseAndNothingElseDoes() {
        assertThat(SentimentLabel.parse("negative")).contains(SentimentLabel.NEGATIVE);
        assertThat(SentimentLabel.parse(" Positive ")).contains(SentimentLabel.POSITIVE);
        assertThat(SentimentLabel.parse("NEUTRAL")).contains(SentimentLabel.NEUTRAL);
        assertThat(SentimentLabel.parse("neg")).isEmpty();
        assertThat(SentimentLabel.parse("")).isEmpty();
        assertThat(SentimentLabel.parse(null)).isEmpty();
    }
}
