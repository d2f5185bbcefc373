package org.crmgraph.language.embedding;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An article's passages: its sentences (the JDK's sentence rules, which also end a sentence at Chinese full
 * stops), embedded in the background with the article, so an answer can quote the sentence that answers the
 * question instead of the whole body without a model call of its own.
 */
public final class Passages {

    /** A passage shorter than this is joined by the next sentence: "Yes." alone answers nothing. */
    static final int MIN_LENGTH = 60;

    private Passages() {}

    /** The sentences of a text, stripped, blank ones dropped. */
    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return sentences;
        }
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
        iterator.setText(text);
        for (int start = iterator.first(), end = iterator.next();
                end != BreakIterator.DONE;
                start = end, end = iterator.next()) {
            String sentence = text.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    /**
     * The passage that answers the question: the sentence most similar to it, with the next one when it is short.
     *
     * @param vectors the sentences' embeddings one after another ({@code dimensions} values each), by the question's model
     */
    public static String select(float[] question, List<String> sentences, List<Double> vectors) {
        int dimensions = question.length;
        if (sentences.isEmpty() || vectors.size() != sentences.size() * dimensions) {
            return null;
        }
        int best = 0;
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < sentences.size(); s++) {
            double dot = 0;
            for (int d = 0; d < dimensions; d++) {
                dot += question[d] * vectors.get(s * dimensions + d);
            }
            if (dot > bestSimilarity) {
                bestSimilarity = dot;
                best = s;
            }
        }
        String passage = sentences.get(best);
        if (passage.length() < MIN_LENGTH && best + 1 < sentences.size()) {
            passage = passage + " " + sentences.get(best + 1);
        }
        return passage;
    }
}
