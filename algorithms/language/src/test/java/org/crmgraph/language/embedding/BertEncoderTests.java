package org.crmgraph.language.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.language.Vectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trainable PyTorch copy of all-MiniLM-L6-v2 against the real model on ONNX Runtime, and the ONNX file
 * rewritten with changed weights: what fine-tuning trains must be what the service then runs.
 */
class BertEncoderTests {

    private static final Path CACHE = Path.of("target/djl-cache");
    private static final List<String> TEXTS = List.of(
            "How do I reset my password?",
            "ok",
            "The parcel with order 58213 arrived damaged, the box was crushed and two cups are broken; I want a refund.",
            "Mein Paket ist nicht angekommen.");

    private static SentenceEmbedder onnxRuntime;
    private static EncoderSource source;
    private static OnnxEncoderFile file;
    private static NDManager manager;
    private static HuggingFaceTokenizer tokenizer;

    @BeforeAll
    static void load() throws IOException {
        onnxRuntime = SentenceEmbedder.load("classpath:all-minilm-l6-v2", CACHE, 256, 1, 1);
        source = EncoderSource.of("classpath:all-minilm-l6-v2");
        file = OnnxEncoderFile.read(new ByteArrayInputStream(source.onnx()));
        manager = NDManager.newBaseManager("PyTorch");
        tokenizer = HuggingFaceTokenizer.newInstance(
                new ByteArrayInputStream(source.tokenizer()),
                Map.of("padding", "false", "truncation", "true", "maxLength", "256"));
    }

    @AfterAll
    static void close() {
        onnxRuntime.close();
        tokenizer.close();
        manager.close();
    }

    @Test
    void thePyTorchCopyReproducesOnnxRuntimeOnTextsOfDifferentLengthsInOneBatch() {
        try (BertEncoder encoder = new BertEncoder(manager, file, 12)) {
            float[][] mine = EncoderTuning.embed(encoder, tokenizer, TEXTS);
            List<float[]> theirs = onnxRuntime.embedAll(TEXTS, TEXTS.size());
            for (int i = 0; i < TEXTS.size(); i++) {
                assertThat(Vectors.cosine(mine[i], theirs.get(i)))
                        .as(TEXTS.get(i))
                        .isGreaterThan(0.99999);
            }
            assertThat(encoder.hidden()).isEqualTo(384);
            // half of MiniLM's 22.6 million weights are the frozen word-piece table
            long trained = 0;
            for (float[] w : encoder.trainedValues().values()) {
                trained += w.length;
            }
            assertThat(trained).isEqualTo(10_844_928L);
        }
        assertThat(file.layerNormEpsilon()).isCloseTo(1e-12f, within(1e-15f));
    }

    @Test
    void aWrongNumberOfAttentionHeadsDoesNotReproduceTheModel() {
        try (BertEncoder encoder = new BertEncoder(manager, file, 6)) {
            float[][] mine = EncoderTuning.embed(encoder, tokenizer, TEXTS.subList(0, 1));
            assertThat(Vectors.cosine(mine[0], onnxRuntime.embed(TEXTS.getFirst())))
                    .isLessThan(0.999);
        }
        assertThatThrownBy(() -> new BertEncoder(manager, file, 7)).hasMessageContaining("not divisible by 7");
    }

    @Test
    void theRewrittenOnnxFileRunsTheChangedWeightsExactlyAsThePyTorchCopyDoes() {
        // change two layers the way training would: the first attention's query and the last feed-forward bias
        Map<String, float[]> changed = new LinkedHashMap<>();
        float[] query = file.weights()
                .get("encoder.layer.0.attention.self.query.weightT")
                .values()
                .clone();
        for (int i = 0; i < query.length; i += 7) {
            query[i] *= 1.5f;
        }
        changed.put("encoder.layer.0.attention.self.query.weightT", query);
        float[] bias =
                file.weights().get("encoder.layer.5.output.dense.bias").values().clone();
        for (int i = 0; i < bias.length; i++) {
            bias[i] += (i % 3 - 1) * 0.2f;
        }
        changed.put("encoder.layer.5.output.dense.bias", bias);

        byte[] rewritten = file.withWeights(changed);
        SentenceEmbedder tunedOnOrt =
                SentenceEmbedder.fromBytes("changed", rewritten, source.tokenizer(), CACHE, 256, 1, 1);
        try (tunedOnOrt) {
            OnnxEncoderFile reread = OnnxEncoderFile.read(new ByteArrayInputStream(rewritten));
            try (BertEncoder copy = new BertEncoder(manager, reread, 12)) {
                float[][] mine = EncoderTuning.embed(copy, tokenizer, TEXTS);
                for (int i = 0; i < TEXTS.size(); i++) {
                    float[] ort = tunedOnOrt.embed(TEXTS.get(i));
                    assertThat(Vectors.cosine(mine[i], ort)).as(TEXTS.get(i)).isGreaterThan(0.99999);
                    // and the change is real: the frozen model says something else
                    assertThat(Vectors.cosine(ort, onnxRuntime.embed(TEXTS.get(i))))
                            .isLessThan(0.9999);
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRewriteNamingAnUnknownWeightOrTheWrongSizeIsRefused() {
        assertThatThrownBy(() -> file.withWeights(Map.of("encoder.layer.9.output.dense.bias", new float[384])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no weight encoder.layer.9.output.dense.bias");
        assertThatThrownBy(() -> file.withWeights(Map.of("encoder.layer.0.output.dense.bias", new float[3])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 384 values, not 3");
    }

    @Test
    void storedWeightsComeBackAsTheyWere() {
        Map<String, float[]> weights = new HashMap<>();
        weights.put("a", new float[] {1.5f, -2.25f, Float.MIN_VALUE});
        weights.put("encoder.layer.0.attention.self.query.weightT", new float[] {0, 3});
        Map<String, float[]> back = TunedEncoders.deserialise(TunedEncoders.serialise(weights));
        assertThat(back).containsOnlyKeys(weights.keySet());
        weights.forEach((name, values) -> assertThat(back.get(name)).containsExactly(values));
    }

    @Test
    void theLearningRateWarmsUpOverTheFirstStepsThenDecaysLinearly() {
        // 1,000 steps: 60 of warm-up, then a straight line to 2% of the peak
        assertThat(EncoderFineTuning.schedule(0, 1000)).isCloseTo(1 / 60f, within(1e-6f));
        assertThat(EncoderFineTuning.schedule(59, 1000)).isCloseTo(1 - 59 / 1000f, within(1e-6f));
        assertThat(EncoderFineTuning.schedule(500, 1000)).isCloseTo(0.5f, within(1e-6f));
        assertThat(EncoderFineTuning.schedule(999, 1000)).isCloseTo(0.02f, within(1e-6f));
    }

    @Test
    void onlyALocalOnnxFileCanBeFineTuned() {
        assertThatThrownBy(() ->
                        EncoderSource.of("djl://ai.djl.huggingface.pytorch/sentence-transformers/all-MiniLM-L6-v2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model URL");
        assertThatThrownBy(() -> EncoderSource.of("classpath:no-such-model"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-model.onnx is not on the classpath");
    }
}
