package org.crmgraph.language.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.crmgraph.language.QuestionText;
import org.crmgraph.language.Script;
import org.crmgraph.language.SupportProperties;
import org.crmgraph.language.classifier.Prediction;
import org.crmgraph.language.classifier.TrainedClassifier;
import org.crmgraph.language.embedding.ChineseEmbedder;
import org.crmgraph.language.embedding.SentenceEmbedder;
import org.springframework.stereotype.Service;

/**
 * The sentiment of a message, read by the model of its script: Latin-script text by the organisation's current
 * trained model ({@code train-sentiment}) or, before any training, the English default (example sentences over
 * all-MiniLM-L6-v2); Chinese text by the Chinese default (example sentences over bge-small-zh-v1.5). Text in any
 * other script gets no sentiment: no model here reads it.
 */
@Service
public class SentimentAnalysis {

    /** The sentiment of a Chinese text the Chinese model has embedded already. */
    public Sentiment ofChineseVector(float[] vector) {
        return chineseDefault(chinese.get()).classify(vector);
    }

    /** The default models' names, as {@link Sentiment#model()} gives them. */
    public static final String DEFAULT_ENGLISH = "default-en";

    public static final String DEFAULT_CHINESE = "default-zh";

    private final SentenceEmbedder english;
    private final ChineseEmbedder chinese;
    private final SentimentModels models;
    private final SupportProperties support;
    private volatile ExampleSentiment englishDefault;
    private volatile ExampleSentiment chineseDefault;

    public SentimentAnalysis(
            SentenceEmbedder english, ChineseEmbedder chinese, SentimentModels models, SupportProperties support) {
        this.english = english;
        this.chinese = chinese;
        this.models = models;
        this.support = support;
    }

    /**
     * The sentiment of one text, checked like a support question (not blank, not longer than
     * {@code crm.support.max-question-length}).
     *
     * @throws InvalidArgumentException INVALID_FORMAT when the text is in a script no model reads
     */
    public Sentiment analyze(String text) {
        String trimmed = QuestionText.check(text, "text", support.maxQuestionLength());
        return analyzeAll(List.of(trimmed))
                .getFirst()
                .orElseThrow(() -> new InvalidArgumentException(
                        ErrorCode.INVALID_FORMAT,
                        "text",
                        "text is mostly in a script no sentiment model here reads (English and Chinese are read)"));
    }

    /** Sentiments of many texts, batched per model; empty for a text in a script no model reads. */
    public List<Optional<Sentiment>> analyzeAll(List<String> texts) {
        Optional<TrainedClassifier> trained = models.current();
        List<Optional<Sentiment>> out = new ArrayList<>(java.util.Collections.nCopies(texts.size(), Optional.empty()));
        List<Integer> latin = new ArrayList<>();
        List<Integer> han = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            switch (Script.of(texts.get(i))) {
                case LATIN -> latin.add(i);
                case CHINESE -> han.add(i);
                case OTHER -> out.set(i, Optional.empty());
            }
        }
        if (!latin.isEmpty()) {
            List<float[]> vectors =
                    english.embedAll(latin.stream().map(texts::get).toList(), support.batchSize());
            List<Sentiment> sentiments = ofEnglishVectors(vectors, trained);
            for (int i = 0; i < latin.size(); i++) {
                out.set(latin.get(i), Optional.of(sentiments.get(i)));
            }
        }
        if (!han.isEmpty()) {
            SentenceEmbedder model = chinese.get();
            ExampleSentiment examples = chineseDefault(model);
            List<float[]> vectors = model.embedAll(han.stream().map(texts::get).toList(), support.batchSize());
            for (int i = 0; i < han.size(); i++) {
                out.set(han.get(i), Optional.of(examples.classify(vectors.get(i))));
            }
        }
        return out;
    }

    /** The sentiment of a text the English model has embedded already (a support question): no second model call. */
    public Sentiment ofEnglishVector(float[] vector) {
        return ofEnglishVectors(List.of(vector), models.current()).getFirst();
    }

    /** The default model's sentiments, whatever the current trained model: training compares itself with them. */
    public List<Sentiment> defaultOfEnglishVectors(List<float[]> vectors) {
        ExampleSentiment examples = englishDefault();
        return vectors.stream().map(examples::classify).toList();
    }

    /** The name of the model Latin-script text is read by now: {@code v<version>} or {@link #DEFAULT_ENGLISH}. */
    public String currentModel() {
        return models.currentVersion().map(v -> "v" + v).orElse(DEFAULT_ENGLISH);
    }

    private List<Sentiment> ofEnglishVectors(List<float[]> vectors, Optional<TrainedClassifier> trained) {
        if (trained.isEmpty()) {
            return defaultOfEnglishVectors(vectors);
        }
        TrainedClassifier model = trained.get();
        List<Prediction> predictions = model.predictAll(vectors);
        return predictions.stream()
                .map(p -> new Sentiment(SentimentLabel.valueOf(p.category()), p.probability(), "v" + model.version()))
                .toList();
    }

    private ExampleSentiment englishDefault() {
        ExampleSentiment examples = englishDefault;
        if (examples == null) {
            examples = ExampleSentiment.load(english, "sentiment/examples-en.txt", DEFAULT_ENGLISH);
            englishDefault = examples;
        }
        return examples;
    }

    private ExampleSentiment chineseDefault(SentenceEmbedder model) {
        ExampleSentiment examples = chineseDefault;
        if (examples == null) {
            examples = ExampleSentiment.load(model, "sentiment/examples-zh.txt", DEFAULT_CHINESE);
            chineseDefault = examples;
        }
        return examples;
    }
}
