package org.crmgraph.language.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.language.embedding.SentenceEmbedder;

/**
 * The default sentiment model, which needs no labelled data: a message takes the label of the example sentences
 * (a resource per language, two dozen per label) it is most similar to on average, turned into probabilities by a
 * softmax. Works with any sentence-embedding model; the examples are embedded once, when it is built. Averaging over
 * all of a label's examples beat averaging over its nearest 3 or 10 on the airline tweets (accuracy 0.72 against
 * 0.66 and 0.70: {@code SentimentBenchmark}).
 */
public final class ExampleSentiment {

    static final int NEAREST = Integer.MAX_VALUE;
    /**
     * Mean similarities differ by hundredths between labels; this spreads them into probabilities. 50 gave the best
     * log-likelihood on the part of the airline tweets the trained model learns from (25 to 200 tried).
     */
    static final double SHARPNESS = 50;

    private final Map<SentimentLabel, float[][]> examples;
    private final String name;
    private final int nearest;
    private final double sharpness;

    private ExampleSentiment(Map<SentimentLabel, float[][]> examples, String name, int nearest, double sharpness) {
        this.examples = examples;
        this.name = name;
        this.nearest = nearest;
        this.sharpness = sharpness;
    }

    /**
     * @param resource a class-path file of {@code LABEL<TAB>sentence} lines ({@code #} starts a comment)
     * @param name     the model name a {@link Sentiment} carries
     */
    public static ExampleSentiment load(SentenceEmbedder embedder, String resource, String name) {
        return load(embedder, resource, name, NEAREST, SHARPNESS);
    }

    /** As {@link #load(SentenceEmbedder, String, String)} with other settings, for the benchmark that chose them. */
    public static ExampleSentiment load(
            SentenceEmbedder embedder, String resource, String name, int nearest, double sharpness) {
        Map<SentimentLabel, List<String>> sentences = new EnumMap<>(SentimentLabel.class);
        try (InputStream in = ExampleSentiment.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The sentiment examples " + resource + " are not on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                String example = line;
                SentimentLabel label = SentimentLabel.parse(parts[0])
                        .orElseThrow(() -> new IllegalStateException(resource + ": unknown label in " + example));
                sentences.computeIfAbsent(label, l -> new ArrayList<>()).add(parts[1].strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource + ": " + e.getMessage(), e);
        }
        if (sentences.size() != SentimentLabel.values().length) {
            throw new IllegalStateException(
                    resource + " must give examples of every label; it has " + sentences.keySet());
        }
        Map<SentimentLabel, float[][]> vectors = new EnumMap<>(SentimentLabel.class);
        sentences.forEach((label, texts) ->
                vectors.put(label, embedder.embedAll(texts, 32).toArray(float[][]::new)));
        return new ExampleSentiment(vectors, name, nearest, sharpness);
    }

    /** The sentiment of a text embedded by the same model as the examples. */
    public Sentiment classify(float[] vector) {
        SentimentLabel[] labels = SentimentLabel.values();
        double[] scores = new double[labels.length];
        for (int l = 0; l < labels.length; l++) {
            scores[l] = sharpness * nearestMean(examples.get(labels[l]), vector, nearest);
        }
        double max = Arrays.stream(scores).max().orElseThrow();
        double total = 0;
        for (int l = 0; l < labels.length; l++) {
            scores[l] = Math.exp(scores[l] - max);
            total += scores[l];
        }
        int best = 0;
        for (int l = 1; l < labels.length; l++) {
            if (scores[l] > scores[best]) {
                best = l;
            }
        }
        return new Sentiment(labels[best], scores[best] / total, name);
    }

    private static double nearestMean(float[][] examples, float[] vector, int nearest) {
        double[] similarities = new double[examples.length];
        for (int i = 0; i < examples.length; i++) {
            double dot = 0;
            for (int d = 0; d < vector.length; d++) {
                dot += examples[i][d] * vector[d];
            }
            similarities[i] = dot;
        }
        Arrays.sort(similarities);
        int k = Math.min(nearest, similarities.length);
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += similarities[similarities.length - 1 - i];
        }
        return sum / k;
    }
}
