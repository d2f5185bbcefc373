package org.crmgraph.language.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassagesTests {

    @Test
    void splitsSentencesInEnglishAndChinese() {
        assertThat(Passages.split("Open Settings. Choose Reset! Is it done? Yes."))
                .containsExactly("Open Settings.", "Choose Reset!", "Is it done?", "Yes.");
        assertThat(Passages.split("打开设置。选择重置密码！完成了吗？")).containsExactly("打开设置。", "选择重置密码！", "完成了吗？");
        assertThat(Passages.split("  ")).isEmpty();
        assertThat(Passages.split(null)).isEmpty();
    }

    @Test
    void theSelectedPassageIsTheSentenceThatAnswersWithTheNextWhenShort() {
        try (SentenceEmbedder embedder =
                SentenceEmbedder.load("classpath:all-minilm-l6-v2", Path.of("target/djl-cache"), 256, 1, 1)) {
            List<String> sentences =
                    Passages.split("Our shop in Leeds opens at nine on weekdays and at ten on Saturdays. "
                            + "Refunds are paid to the card you paid with within five working days of the return. "
                            + "Gift cards cannot be refunded. Parking is free for customers.");
            List<Double> flat = new ArrayList<>();
            for (float[] v : embedder.embedAll(sentences, 8)) {
                for (float x : v) {
                    flat.add((double) x);
                }
            }
            String passage = Passages.select(embedder.embed("How long does a refund take?"), sentences, flat);
            assertThat(passage)
                    .isEqualTo("Refunds are paid to the card you paid with within five working days of the return.");
            // a short best sentence brings the next along
            String shortOne =
                    Passages.select(embedder.embed("Can I get my money back for a gift card?"), sentences, flat);
            assertThat(shortOne).isEqualTo("Gift cards cannot be refunded. Parking is free for customers.");
            assertThat(Passages.select(new float[384], sentences, List.of(1.0))).isNull();
        }
    }
}
