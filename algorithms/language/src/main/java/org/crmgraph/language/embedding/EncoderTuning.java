package org.crmgraph.language.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.crmgraph.language.SupportProperties;
import org.crmgraph.language.Vectors;
import org.crmgraph.language.classifier.ClassifierHead;
import org.crmgraph.language.classifier.EncoderTuner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fine-tunes the configured sentence encoder (MiniLM by default) on DJL's PyTorch engine: its weights are read
 * from its ONNX file into a trainable copy, which must first reproduce the frozen encoder on a few sentences (a
 * different architecture fails here, with that reason, rather than training nonsense), then trained with a
 * classification head ({@link EncoderFineTuning}); a kept version goes to the graph ({@link TunedEncoders}).
 */
@Component
public class EncoderTuning implements EncoderTuner {

    private static final Logger log = LoggerFactory.getLogger(EncoderTuning.class);

    /** The trainable copy must agree with ONNX Runtime at least this well (cosine) before it is trained. */
    static final double REQUIRED_AGREEMENT = 0.999;

    /** Progress is reported (logged, and to the job) every this many steps. */
    private static final int PROGRESS_STEPS = 25;

    private static final List<String> PROBES =
            List.of("How do I reset my password?", "The parcel arrived damaged and nobody answers my e-mails.");

    private final SentenceEmbedder frozen;
    private final SupportProperties support;
    private final FineTuningProperties settings;
    private final TunedEncoders encoders;

    public EncoderTuning(
            SentenceEmbedder frozen, SupportProperties support, FineTuningProperties settings, TunedEncoders encoders) {
        this.frozen = frozen;
        this.support = support;
        this.settings = settings;
        this.encoders = encoders;
    }

    @Override
    public List<float[]> frozen(List<String> texts) {
        return frozen.embedAll(texts, support.batchSize());
    }

    @Override
    public double minimumGain() {
        return settings.minimumGain();
    }

    @Override
    public Candidate tune(
            List<String> texts,
            int[] labels,
            int classes,
            List<String> validationTexts,
            long seed,
            DoubleConsumer progress) {
        long started = System.nanoTime();
        EncoderSource source = EncoderSource.of(support.modelLocation());
        OnnxEncoderFile file;
        try {
            file = OnnxEncoderFile.read(new ByteArrayInputStream(source.onnx()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // PyTorch's gradient collector is one per process: trainings of other classifiers wait for this one
        synchronized (ClassifierHead.class) {
            try (NDManager manager = NDManager.newBaseManager("PyTorch");
                    HuggingFaceTokenizer tokenizer = tokenizer(source);
                    BertEncoder encoder = new BertEncoder(manager, file, settings.attentionHeads())) {
                checkAgreement(encoder, tokenizer);
                EncoderFineTuning.Tuned tuned = EncoderFineTuning.train(
                        encoder, tokenizer, texts, labels, classes, settings, seed, (done, total) -> {
                            if (done % PROGRESS_STEPS == 0 || done == total) {
                                log.info("Fine-tuning the encoder: step {} of {}", done, total);
                                progress.accept((double) done / total);
                            }
                            return done;
                        });
                int[] predicted = classify(encoder, tokenizer, tuned, validationTexts);
                log.info(
                        "Encoder fine-tuned on {} texts in {} steps ({} skipped), {} s",
                        texts.size(),
                        tuned.steps(),
                        tuned.skipped(),
                        (System.nanoTime() - started) / 1_000_000_000);
                return new Candidate() {
                    @Override
                    public int[] validationPredictions() {
                        return predicted;
                    }

                    @Override
                    public float[][] head() {
                        return tuned.head();
                    }

                    @Override
                    public float[] bias() {
                        return tuned.bias();
                    }

                    @Override
                    public int steps() {
                        return tuned.steps();
                    }

                    @Override
                    public List<float[]> embed(List<String> texts) {
                        try (SentenceEmbedder candidate = SentenceEmbedder.fromBytes(
                                "tuned-encoder-candidate",
                                file.withWeights(tuned.weights()),
                                source.tokenizer(),
                                encoders.cacheDir(),
                                support.maxTokens(),
                                support.predictors(),
                                support.intraOpThreads())) {
                            return candidate.embedAll(texts, support.batchSize());
                        }
                    }

                    @Override
                    public long keep(Map<String, Object> properties) {
                        return encoders.save(support.modelLocation(), tuned.weights(), properties);
                    }
                };
            }
        }
    }

    private HuggingFaceTokenizer tokenizer(EncoderSource source) {
        try (InputStream in = new ByteArrayInputStream(source.tokenizer())) {
            return HuggingFaceTokenizer.newInstance(
                    in,
                    Map.of(
                            "padding", "false",
                            "truncation", "true",
                            "maxLength", String.valueOf(settings.maxTokens())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkAgreement(BertEncoder encoder, HuggingFaceTokenizer tokenizer) {
        float[][] mine = embed(encoder, tokenizer, PROBES);
        List<float[]> theirs = frozen.embedAll(PROBES, PROBES.size());
        for (int i = 0; i < PROBES.size(); i++) {
            double cosine = Vectors.cosine(mine[i], theirs.get(i));
            if (!(cosine >= REQUIRED_AGREEMENT)) {
                throw new IllegalArgumentException(String.format(
                        java.util.Locale.ROOT,
                        "the trainable copy of %s does not reproduce it (cosine %.4f on \"%s\"); fine-tuning supports "
                                + "BERT encoders exported by Hugging Face, and crm.support.fine-tuning.attention-heads "
                                + "must be the model's (%d now)",
                        support.modelLocation(),
                        cosine,
                        PROBES.get(i),
                        settings.attentionHeads()));
            }
        }
    }

    /** Embeddings of the PyTorch copy, without dropout, in batches. */
    static float[][] embed(BertEncoder encoder, HuggingFaceTokenizer tokenizer, List<String> texts) {
        List<Encoding> encodings = EncoderFineTuning.encode(tokenizer, texts);
        int hidden = encoder.hidden();
        float[][] out = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += 64) {
            int n = Math.min(64, texts.size() - from);
            int[] batch = new int[n];
            for (int i = 0; i < n; i++) {
                batch[i] = from + i;
            }
            long[][] ids = new long[n][];
            long[][] mask = new long[n][];
            EncoderFineTuning.padded(encodings, batch, ids, mask);
            try (NDManager scope = encoder.manager().newSubManager()) {
                float[] flat = encoder.embed(scope, ids, mask, 0).toFloatArray();
                for (int i = 0; i < n; i++) {
                    out[from + i] = java.util.Arrays.copyOfRange(flat, i * hidden, (i + 1) * hidden);
                }
            }
        }
        return out;
    }

    private static int[] classify(
            BertEncoder encoder, HuggingFaceTokenizer tokenizer, EncoderFineTuning.Tuned tuned, List<String> texts) {
        float[][] embeddings = embed(encoder, tokenizer, texts);
        int[] predicted = new int[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < tuned.head().length; c++) {
                double score = tuned.bias()[c];
                for (int d = 0; d < embeddings[i].length; d++) {
                    score += tuned.head()[c][d] * embeddings[i][d];
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
            predicted[i] = best;
        }
        return predicted;
    }
}
