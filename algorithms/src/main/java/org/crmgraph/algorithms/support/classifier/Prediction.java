package org.crmgraph.algorithms.support.classifier;

/** A predicted category with the classifier's probability for it, and the priority most tickets of it had. */
public record Prediction(String category, double probability, String suggestedPriority, long modelVersion) {}
