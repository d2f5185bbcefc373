package org.crmgraph.language.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FullTextQueryTests {

    @Test
    void identifiersBecomePhrasesAndNothingElseIsSearched() {
        assertThat(FullTextQuery.of("How do I fix error E-4711 on my XR-200 router? Order 100234."))
                .isEqualTo("\"e 4711\" \"xr 200\" \"100234\"");
        assertThat(FullTextQuery.of("My wifi keeps dropping out")).isNull();
        assertThat(FullTextQuery.of("I was charged 20 euros twice in 2 days")).isNull();
        assertThat(FullTextQuery.of("订单 A-100 的发票在哪里下载？")).isEqualTo("\"a 100\"");
    }

    @Test
    void nothingInAQuestionIsReadAsLuceneSyntax() {
        assertThat(FullTextQuery.of("body:secret AND (title:x1 OR \"y\")~2 NOT z9* \\\" a\"b:c3"))
                .isEqualTo("\"x1\" \"z9\" \"c3\"");
    }
}
