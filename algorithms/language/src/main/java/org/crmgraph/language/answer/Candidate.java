package org.crmgraph.language.answer;

import java.util.List;

/**
 * A ticket or article the vector index found near the question, with what the ranking needs: the products it
 * is about, and for a ticket its category, priority and the article that resolved it.
 */
record Candidate(
        SourceKind kind,
        String id,
        String title,
        String text,
        double similarity,
        List<String> products,
        String category,
        String priority,
        String resolvedBy) {}
