package org.crmgraph.language.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real all-MiniLM-L6-v2 from its Maven artifact, on ONNX Runtime. */
class SentenceEmbedderTests {

    private static final Path CACHE = Path.of("target/djl-cache");
    private static SentenceEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = SentenceEmbedder.load("classpath:all-minilm-l6-v2", CACHE, 256, 2, 1);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Test
    void embeddingsHave384DimensionsUnitLengthAndPutParaphrasesCloserThanUnrelatedText() {
        float[] question = embedder.embed("How do I reset my password?");
        float[] paraphrase = embedder.embed("I forgot my password and cannot log in");
        float[] unrelated = embedder.embed("The delivery arrived damaged");
        assertThat(embedder.dimensions()).isEqualTo(384);
        assertThat(question).hasSize(384);
        assertThat(dot(question, question)).isCloseTo(1.0, within(1e-5));
        assertThat(dot(question, paraphrase)).isGreaterThan(dot(question, unrelated) + 0.2);
    }

    @Test
    void aModelLoadedInTheBackgroundAnswersAsOneLoadedAtOnceAndAMissingOneFailsAtOnce() {
        SentenceEmbedder background =
                SentenceEmbedder.loadInBackground("classpath:all-minilm-l6-v2", CACHE, 256, 1, 1, true);
        try {
            // the caller does not wait for the load; the first call that needs the model does
            assertThat(background.description()).isEqualTo("classpath:all-minilm-l6-v2");
            float[] vector = background.embed("How do I reset my password?");
            assertThat(background.isLoaded()).isTrue();
            assertThat(background.dimensions()).isEqualTo(384);
            assertThat(vector).containsExactly(embedder.embed("How do I reset my password?"));
        } finally {
            background.close();
        }
        assertThatThrownBy(() -> SentenceEmbedder.loadInBackground("classpath:no-such-model", CACHE, 256, 1, 1, false))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("no-such-model.onnx");
    }

    @Test
    void aDeferredModelIsNotLoadedUntilSomethingNeedsItThenLoadsOnce() throws InterruptedException {
        SentenceEmbedder deferred =
                SentenceEmbedder.loadInBackground("classpath:all-minilm-l6-v2", CACHE, 256, 1, 1, false);
        try {
            // a loader thread of an earlier test may still be ending; an eager load would still be running (seconds)
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (loaderRunning() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(loaderRunning()).isFalse();
            assertThat(deferred.isLoaded()).isFalse();

            float[] vector = deferred.embed("How do I reset my password?");

            assertThat(deferred.isLoaded()).isTrue();
            assertThat(vector).containsExactly(embedder.embed("How do I reset my password?"));
        } finally {
            deferred.close();
        }
    }

    private static boolean loaderRunning() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("embedding-model-loader") && t.isAlive());
    }

    @Test
    void aBatchGivesTheSameEmbeddingsAsOneAtATimeInTheOrderAsked() {
        List<String> texts = List.of(
                "short",
                "a much longer sentence about routers and wireless networks at home",
                "middle length text here");
        List<float[]> batch = embedder.embedAll(texts, 2);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(dot(batch.get(i), embedder.embed(texts.get(i)))).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void concurrentCallersEachGetTheirOwnAnswer() throws Exception {
        List<String> texts = List.of("parcel late", "refund missing", "router offline", "password expired");
        List<float[]> expected = texts.stream().map(embedder::embed).toList();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<float[]>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 48; i++) {
                String text = texts.get(i % texts.size());
                futures.add(pool.submit(() -> embedder.embed(text)));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(dot(futures.get(i).get(), expected.get(i % texts.size())))
                        .isCloseTo(1.0, within(1e-4));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFolderWithTheModelAndItsTokenizerLoadsTheSameModel(@TempDir Path folder) throws Exception {
        copy("all-minilm-l6-v2.onnx", folder.resolve("minilm.onnx"));
        copy("all-minilm-l6-v2-tokenizer.json", folder.resolve("tokenizer.json"));
        try (SentenceEmbedder fromFolder = SentenceEmbedder.load(folder.toString(), CACHE, 256, 1, 1)) {
            assertThat(dot(fromFolder.embed("Where is my parcel?"), embedder.embed("Where is my parcel?")))
                    .isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void aMissingModelFileIsNamedInTheError(@TempDir Path folder) throws Exception {
        assertThatThrownBy(() -> SentenceEmbedder.load("classpath:no-such-model", CACHE, 256, 1, 1))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("no-such-model.onnx is not on the class path");
        assertThatThrownBy(() -> SentenceEmbedder.load(folder.resolve("absent").toString(), CACHE, 256, 1, 1))
                .hasMessageContaining("absent")
                .hasMessageContaining("does not exist");
        copy("all-minilm-l6-v2.onnx", folder.resolve("model.onnx"));
        assertThatThrownBy(() -> SentenceEmbedder.load(folder.toString(), CACHE, 256, 1, 1))
                .hasMessageContaining("has no tokenizer.json");
        Files.delete(folder.resolve("model.onnx"));
        copy("all-minilm-l6-v2-tokenizer.json", folder.resolve("tokenizer.json"));
        assertThatThrownBy(() -> SentenceEmbedder.load(folder.toString(), CACHE, 256, 1, 1))
                .hasMessageContaining("exactly one .onnx file");
    }

    private static void copy(String resource, Path target) throws Exception {
        try (InputStream in = SentenceEmbedderTests.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
    }
}
