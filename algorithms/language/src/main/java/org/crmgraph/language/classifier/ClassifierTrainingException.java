package org.crmgraph.language.classifier;

/** Training cannot start: too few labelled tickets or categories, or another training is running. */
public class ClassifierTrainingException extends RuntimeException {

    public ClassifierTrainingException(String message) {
        super(message);
    }
}
