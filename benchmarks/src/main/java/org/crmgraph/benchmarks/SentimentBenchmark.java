package org.crmgraph.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmgraph.language.LabelledTexts;
import org.crmgraph.language.classifier.MulticlassScores;
import org.crmgraph.language.classifier.StratifiedSplit;
import org.crmgraph.language.embedding.SentenceEmbedder;
import org.crmgraph.language.sentiment.ExampleSentiment;
import org.crmgraph.language.sentiment.SentimentLabel;

/**
 * The default sentiment model (example sentences over all-MiniLM-L6-v2, no labelled data) on a labelled file, split
 * as {@code train-sentiment} splits it (stratified, seed 42, a fifth held out), so its figures stand beside the
 * trained model's: accuracy and macro-F1 on the held-out part for several numbers of nearest examples (the part the
 * trained model learns from is shown too, as the place the setting was chosen), and messages per second.
 *
 * <pre>./mvnw -pl benchmarks exec:java -Dexec.mainClass=org.crmgraph.benchmarks.SentimentBenchmark \
 *     -Dexec.args="--dataset ../shared/datasets/airline-tweets/train.csv --label-column airline_sentiment"</pre>
 */
public final class SentimentBenchmark {

    /**
     * With {@code --unlabelled} (any file with a {@code text} column, e.g. BANKING77 with {@code --label-column
     * category}): the share of its messages the default model reads as negative with at least each confidence,
     * which is how many answers {@code crm.sentiment.strongly-negative} would hold for an agent.
     */
    private static void strongNegatives(List<LabelledTexts.Row> rows) {
        try (SentenceEmbedder embedder =
                SentenceEmbedder.load("classpath:all-minilm-l6-v2", Path.of("target/djl-cache"), 256, 2, 1)) {
            ExampleSentiment model = ExampleSentiment.load(embedder, "sentiment/examples-en.txt", "default-en");
            List<float[]> vectors =
                    embedder.embedAll(rows.stream().map(LabelledTexts.Row::text).toList(), 32);
            double[] thresholds = {0.0, 0.8, 0.9, 0.95, 0.98};
            int[] counts = new int[thresholds.length];
            for (float[] vector : vectors) {
                var sentiment = model.classify(vector);
                for (int t = 0; t < thresholds.length; t++) {
                    if (sentiment.label() == SentimentLabel.NEGATIVE && sentiment.confidence() >= thresholds[t]) {
                        counts[t]++;
                    }
                }
            }
            System.out.println("\n| read NEGATIVE with confidence at least | share of messages |\n|---|---|");
            for (int t = 0; t < thresholds.length; t++) {
                System.out.printf(Locale.ROOT, "| %.2f | %.3f |%n", thresholds[t], (double) counts[t] / vectors.size());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ApiLatencyBenchmark.options(args);
        Path dataset = Path.of(options.getOrDefault("dataset", "../shared/datasets/airline-tweets/train.csv"));
        String labelColumn = options.getOrDefault("label-column", "airline_sentiment");
        List<LabelledTexts.Row> rows = LabelledTexts.read(dataset, "text", labelColumn, 1_000_000);
        if (options.containsKey("unlabelled")) {
            strongNegatives(rows);
            return;
        }
        record Example(String text, String label, float[] vector) {}
        try (SentenceEmbedder embedder =
                SentenceEmbedder.load("classpath:all-minilm-l6-v2", Path.of("target/djl-cache"), 256, 2, 1)) {
            embedder.embedAll(
                    rows.subList(0, 200).stream().map(LabelledTexts.Row::text).toList(), 32);
            long started = System.nanoTime();
            List<float[]> vectors =
                    embedder.embedAll(rows.stream().map(LabelledTexts.Row::text).toList(), 32);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "%nEmbedded %d messages of %s in %.1f s: %.0f messages/s (2 predictors, batches of 32)%n",
                    rows.size(),
                    dataset.getFileName(),
                    seconds,
                    rows.size() / seconds);
            List<Example> examples = new java.util.ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                String label =
                        SentimentLabel.parse(rows.get(i).label()).orElseThrow().name();
                examples.add(new Example(rows.get(i).text(), label, vectors.get(i)));
            }
            StratifiedSplit<Example> split = StratifiedSplit.of(examples, Example::label, 0.2, 42);
            // the probabilities' sharpness, chosen on the training part by log-likelihood (held-out part untouched)
            List<Example> train = split.train();
            System.out.println(
                    "\n| sharpness | mean log-likelihood (train part) | negatives at >= 0.7 | at >= 0.8 | at >= 0.9 |\n|---|---|---|---|---|");
            for (double sharpness : new double[] {25, 50, 75, 100, 150}) {
                ExampleSentiment model = ExampleSentiment.load(
                        embedder, "sentiment/examples-en.txt", "default-en", Integer.MAX_VALUE, sharpness);
                double logLikelihood = 0;
                int[] confident = new int[3];
                int negatives = 0;
                for (Example e : train) {
                    var sentiment = model.classify(e.vector());
                    double p = sentiment.label().name().equals(e.label())
                            ? sentiment.confidence()
                            : (1 - sentiment.confidence()) / 2;
                    logLikelihood += Math.log(Math.max(p, 1e-9));
                    if (sentiment.label() == SentimentLabel.NEGATIVE) {
                        negatives++;
                        for (int t = 0; t < 3; t++) {
                            if (sentiment.confidence() >= 0.7 + 0.1 * t) {
                                confident[t]++;
                            }
                        }
                    }
                }
                System.out.printf(
                        Locale.ROOT,
                        "| %.0f | %.4f | %.2f | %.2f | %.2f |%n",
                        sharpness,
                        logLikelihood / train.size(),
                        (double) confident[0] / Math.max(1, negatives),
                        (double) confident[1] / Math.max(1, negatives),
                        (double) confident[2] / Math.max(1, negatives));
            }
            ExampleSentiment chosen = ExampleSentiment.load(embedder, "sentiment/examples-en.txt", "default-en");
            for (String text : List.of(
                    "Absolutely unacceptable service. My laptop broke again after your repair. Worst experience ever, I am furious.",
                    "My phone battery dies before the evening",
                    "Thank you so much for the quick help, you were wonderful!")) {
                var sentiment = chosen.classify(embedder.embed(text));
                System.out.printf(Locale.ROOT, "%s %.3f  %s%n", sentiment.label(), sentiment.confidence(), text);
            }
            System.out.println("\n| nearest examples | part | messages | accuracy | macro-F1 |\n|---|---|---|---|---|");
            for (int nearest : new int[] {3, 10, Integer.MAX_VALUE}) {
                ExampleSentiment model =
                        ExampleSentiment.load(embedder, "sentiment/examples-en.txt", "default-en", nearest, 25);
                for (var part : List.of(Map.entry("train", split.train()), Map.entry("held out", split.validation()))) {
                    List<String> truth =
                            part.getValue().stream().map(Example::label).toList();
                    List<String> predicted = part.getValue().stream()
                            .map(e -> model.classify(e.vector()).label().name())
                            .toList();
                    MulticlassScores scores = MulticlassScores.of(truth, predicted);
                    System.out.printf(
                            Locale.ROOT,
                            "| %s | %s | %d | %.3f | %.3f |%n",
                            nearest == Integer.MAX_VALUE ? "all" : String.valueOf(nearest),
                            part.getKey(),
                            truth.size(),
                            scores.accuracy(),
                            scores.macroF1());
                }
            }
        }
    }
}
