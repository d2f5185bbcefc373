package org.crmgraph.language.answer;

/** A ticket or article found by meaning, with its cosine similarity to what was searched. */
public record Match(String id, double similarity) {}
