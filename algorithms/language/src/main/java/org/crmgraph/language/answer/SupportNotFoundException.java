package org.crmgraph.language.answer;

/** An id given to the support API names nothing: {@code argument} is the argument to fix. */
public class SupportNotFoundException extends RuntimeException {

    private final String argument;

    public SupportNotFoundException(String argument, String message) {
        super(message);
        this.argument = argument;
    }

    public String argument() {
        return argument;
    }
}
