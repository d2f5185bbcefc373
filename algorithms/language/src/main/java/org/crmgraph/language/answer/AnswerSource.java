package org.crmgraph.language.answer;

import java.util.List;

/**
 * One source of an answer. {@code similarity} is the cosine similarity of the question and the source's text;
 * {@code score} adds what the graph knows (resolved similar cases, the customer's products, feedback) and ranks.
 */
public record AnswerSource(
        SourceKind kind, String id, String title, String text, double similarity, double score, List<String> reasons) {}
