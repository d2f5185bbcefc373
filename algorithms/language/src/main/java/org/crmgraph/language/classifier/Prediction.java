package org.crmgraph.language.classifier;

/** A predicted category with the classifier's probability for it, and the priority most tickets of it had. */
public record Prediction(String category, double probability, String suggestedPriority, long modelVersion) {}
