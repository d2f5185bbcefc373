package org.crmgraph.language.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SupportTextsTests {

    @Test
    void aTicketIsItsSubjectBodyAndResolutionWithoutEmptyParts() {
        assertThat(SupportTexts.ticket(" No internet ", "", null)).isEqualTo("No internet");
        assertThat(SupportTexts.ticket("No internet", "Router red", "Restarted"))
                .isEqualTo("No internet\nRouter red\nRestarted");
        assertThat(SupportTexts.article("Title", " Body ")).isEqualTo("Title\nBody");
    }

    @Test
    void theFingerprintChangesWithTheTextAndWithTheModel() {
        long base = SupportTexts.fingerprint("text", "model-a");
        assertThat(SupportTexts.fingerprint("text", "model-a")).isEqualTo(base);
        assertThat(SupportTexts.fingerprint("text.", "model-a")).isNotEqualTo(base);
        assertThat(SupportTexts.fingerprint("text", "model-b")).isNotEqualTo(base);
    }
}
