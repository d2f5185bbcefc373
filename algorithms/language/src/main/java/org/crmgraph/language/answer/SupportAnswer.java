package org.crmgraph.language.answer;

import java.util.List;

/**
 * An answer to a support question. {@code answer} is null when nothing matched; {@code reason} says why a
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
        List<AnswerSource> sources) {}
