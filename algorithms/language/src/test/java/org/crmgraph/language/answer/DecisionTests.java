package org.crmgraph.language.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecisionTests {

    private static SupportAnswering.Verdict decide(double confidence, String question) {
        return SupportAnswering.decide(confidence, false, question, 0.8, 0.55);
    }

    @Test
    void confidenceAgainstTheTwoThresholdsDecides() {
        assertThat(decide(0.8, "Where is my parcel?").decision()).isEqualTo(Decision.AUTO_REPLY);
        assertThat(decide(0.79, "Where is my parcel?").decision()).isEqualTo(Decision.SUGGEST);
        assertThat(decide(0.55, "Where is my parcel?").decision()).isEqualTo(Decision.SUGGEST);
        SupportAnswering.Verdict low = decide(0.42, "Where is my parcel?");
        assertThat(low.decision()).isEqualTo(Decision.ESCALATE);
        assertThat(low.reason()).isEqualTo("The best match is only 42% similar (escalating below 55%).");
        assertThat(SupportAnswering.decide(0, true, "anything", 0.8, 0.55).reason())
                .startsWith("Nothing in the knowledge base");
    }

    @Test
    void questionsInAnotherScriptEscalateHoweverConfidentAndLatinOnesWithAccentsDoNot() {
        assertThat(decide(0.95, "Где моя посылка?").decision()).isEqualTo(Decision.ESCALATE);
        assertThat(decide(0.95, "我的包裹在哪里？").reason()).contains("not in English");
        assertThat(decide(0.95, "Où est mon colis? Ça fait trois jours").decision())
                .isEqualTo(Decision.AUTO_REPLY);
        assertThat(decide(0.95, "12345 ???").decision()).isEqualTo(Decision.AUTO_REPLY);
    }
}
