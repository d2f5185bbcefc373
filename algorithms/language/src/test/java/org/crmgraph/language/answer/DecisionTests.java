package org.crmgraph.language.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.crmgraph.language.Script;
import org.crmgraph.language.SentimentProperties;
import org.crmgraph.language.sentiment.Sentiment;
import org.crmgraph.language.sentiment.SentimentLabel;
import org.junit.jupiter.api.Test;

class DecisionTests {

    private static final SentimentProperties SENTIMENT = SentimentProperties.defaults();

    private static SupportAnswering.Verdict decide(double confidence, String question) {
        return decide(confidence, question, null);
    }

    private static SupportAnswering.Verdict decide(double confidence, String question, Sentiment sentiment) {
        return SupportAnswering.decide(confidence, false, Script.of(question), sentiment, 0.8, 0.55, SENTIMENT);
    }

    @Test
    void confidenceAgainstTheTwoThresholdsDecides() {
        assertThat(decide(0.8, "Where is my parcel?").decision()).isEqualTo(Decision.AUTO_REPLY);
        assertThat(decide(0.79, "Where is my parcel?").decision()).isEqualTo(Decision.SUGGEST);
        assertThat(decide(0.55, "Where is my parcel?").decision()).isEqualTo(Decision.SUGGEST);
        SupportAnswering.Verdict low = decide(0.42, "Where is my parcel?");
        assertThat(low.decision()).isEqualTo(Decision.ESCALATE);
        assertThat(low.reason()).isEqualTo("The best match is only 42% similar (escalating below 55%).");
        assertThat(SupportAnswering.decide(0, true, Script.LATIN, null, 0.8, 0.55, SENTIMENT)
                        .reason())
                .startsWith("Nothing in the knowledge base");
    }

    @Test
    void questionsInAScriptNoModelReadsEscalateHoweverConfidentChineseAndAccentedLatinDoNot() {
        assertThat(decide(0.95, "Где моя посылка?").decision()).isEqualTo(Decision.ESCALATE);
        assertThat(decide(0.95, "Где моя посылка?").reason()).contains("read English and Chinese");
        assertThat(decide(0.95, "荷物はどこですか").decision()).isEqualTo(Decision.ESCALATE);
        assertThat(decide(0.95, "我的包裹在哪里？").decision()).isEqualTo(Decision.AUTO_REPLY);
        assertThat(decide(0.95, "Où est mon colis? Ça fait trois jours").decision())
                .isEqualTo(Decision.AUTO_REPLY);
        assertThat(decide(0.95, "12345 ???").decision()).isEqualTo(Decision.AUTO_REPLY);
        assertThat(SupportAnswering.decide(0, true, Script.CHINESE, null, 0.8, 0.55, SENTIMENT)
                        .reason())
                .contains("in Chinese");
    }

    @Test
    void anUpsetCustomerGetsAnAutomaticReplyOnlyAboveTheStricterThreshold() {
        Sentiment upset = new Sentiment(SentimentLabel.NEGATIVE, 0.97, "default-en");
        Sentiment mildlyNegative = new Sentiment(SentimentLabel.NEGATIVE, 0.5, "default-en");
        Sentiment happy = new Sentiment(SentimentLabel.POSITIVE, 0.99, "default-en");
        SupportAnswering.Verdict checked = decide(0.9, "This is the third time my parcel is late!", upset);
        assertThat(checked.decision()).isEqualTo(Decision.SUGGEST);
        assertThat(checked.reason()).contains("upset").contains("95%").contains("it has 90%");
        assertThat(decide(0.96, "late again", upset).decision()).isEqualTo(Decision.AUTO_REPLY);
        assertThat(decide(0.9, "late again", mildlyNegative).decision()).isEqualTo(Decision.AUTO_REPLY);
        assertThat(decide(0.9, "thanks!", happy).decision()).isEqualTo(Decision.AUTO_REPLY);
        assertThat(decide(0.6, "late again", upset).reason()).contains("priority is raised");
    }
}
