package org.crmgraph.language.answer;

import java.util.List;
import org.crmgraph.language.sentiment.Sentiment;

/**
 * An answer to a support question. {@code answer} is the passage of the best source that answers the question (the
 * whole source is the first of {@code sources}), null when nothing matched; {@code sentiment} is the question's, null
 * when it is in a script no model reads; {@code reason} says why a
 * question escalates. The category comes from the trained classifier when there is one ({@code classifierVersion}),
 * otherwise from the categories of the most similar resolved tickets.
 */
public record SupportAnswer(
        String id,
        String question,
        String answer,
        double confidence,
        Decision decision,
        String reason,
        String category,
        Double categoryConfidence,
        String suggestedPriority,
        Long classifierVersion,
        List<AnswerSource> sources,
        Sentiment sentiment) {}
