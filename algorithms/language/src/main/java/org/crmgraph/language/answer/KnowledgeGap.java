package org.crmgraph.language.answer;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * Recent questions that got weak answers and are about the same thing: the missing article a team could
 * write. {@code question} is the member nearest the group's centre; {@code examples} are the most recent.
 */
public record KnowledgeGap(
        String question,
        int size,
        double averageConfidence,
        ZonedDateTime lastAskedAt,
        String category,
        List<String> examples) {}
