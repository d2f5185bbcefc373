package org.crmgraph.language.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.crmgraph.language.embedding.Pooling;
import org.crmgraph.language.embedding.SentenceEmbedder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default sentiment models with the real English and Chinese embedding models from their Maven artifacts. */
class ExampleSentimentTests {

    private static final Path CACHE = Path.of("target/djl-cache");
    private static SentenceEmbedder english;
    private static SentenceEmbedder chinese;
    private static ExampleSentiment englishDefault;
    private static ExampleSentiment chineseDefault;

    @BeforeAll
    static void load() {
        english = SentenceEmbedder.load("classpath:all-minilm-l6-v2", CACHE, 256, 1, 1);
        chinese = SentenceEmbedder.load("classpath:bge-small-zh-v1.5-q", CACHE, 256, 1, 1, Pooling.CLS);
        englishDefault = ExampleSentiment.load(english, "sentiment/examples-en.txt", "default-en");
        chineseDefault = ExampleSentiment.load(chinese, "sentiment/examples-zh.txt", "default-zh");
    }

    @AfterAll
    static void close() {
        english.close();
        chinese.close();
    }

    private static SentimentLabel english(String text) {
        return englishDefault.classify(english.embed(text)).label();
    }

    private static SentimentLabel chinese(String text) {
        return chineseDefault.classify(chinese.embed(text)).label();
    }

    @Test
    void clearEnglishCasesGetTheirLabel() {
        assertThat(english("This is outrageous, my order is two weeks late and nobody replies to my emails!"))
                .isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(english("The charger stopped working after a day. Useless.")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(english("Thank you so much for the quick help, you were wonderful!"))
                .isEqualTo(SentimentLabel.POSITIVE);
        assertThat(english("What are the opening hours of the Leeds shop on Saturday?"))
                .isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void clearChineseCasesGetTheirLabel() {
        assertThat(chinese("太失望了，订单两周还没到，客服也不回复！")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(chinese("非常感谢你们的帮助，服务太好了！")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(chinese("请问周六几点开门？")).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void confidencesAreProbabilitiesAndTheModelIsNamed() {
        Sentiment sentiment = englishDefault.classify(english.embed("I am furious, worst service ever"));
        assertThat(sentiment.confidence()).isBetween(1.0 / 3, 1.0);
        assertThat(sentiment.model()).isEqualTo("default-en");
        assertThat(sentiment.stronglyNegative(0.0)).isTrue();
        assertThat(sentiment.stronglyNegative(1.0)).isFalse();
    }

    @Test
    void theChineseModelHas512DimensionsAndPutsParaphrasesCloserThanUnrelatedText() {
        List<float[]> v = chinese.embedAll(List.of("我忘记了密码，怎么重置？", "密码忘了怎么办", "包裹送到了，但是坏了"), 8);
        assertThat(chinese.dimensions()).isEqualTo(512);
        assertThat(dot(v.get(0), v.get(0))).isCloseTo(1.0, within(1e-4));
        assertThat(dot(v.get(0), v.get(1))).isGreaterThan(dot(v.get(0), v.get(2)) + 0.1);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
