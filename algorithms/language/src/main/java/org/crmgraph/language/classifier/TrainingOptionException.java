package org.crmgraph.language.classifier;

/** A training option out of range; {@code argument} names it. */
public class TrainingOptionException extends IllegalArgumentException {

    private final String argument;

    public TrainingOptionException(String argument, String message) {
        super(message);
        this.argument = argument;
    }

    public String argument() {
        return argument;
    }
}
