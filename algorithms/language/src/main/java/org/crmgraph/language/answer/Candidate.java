package org.crmgraph.language.answer;

import java.util.List;

/**
 * A ticket or article the vector or full-text index found for the question, with what the ranking needs: the
 * products it is about, for a ticket its category, priority and the article that resolved it, and the full-text
 * score when the full-text index found it (null otherwise).
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
        String resolvedBy,
        Double textScore) {

    Candidate withTextScore(Double score) {
        return new Candidate(kind, id, title, text, similarity, products, category, priority, resolvedBy, score);
    }
}
