package org.crmgraph.language.evaluation;

/** A customer question with its true intent, e.g. a row of BANKING77. */
public record LabelledQuestion(String text, String category) {}
