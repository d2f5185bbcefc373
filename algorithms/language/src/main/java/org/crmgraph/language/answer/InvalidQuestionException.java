package org.crmgraph.language.answer;

import org.crmgraph.graph.validation.ErrorCode;

/** A question or search text the service will not take (blank, too long), with the argument to fix. */
public class InvalidQuestionException extends RuntimeException {

    private final ErrorCode code;
    private final String argument;

    public InvalidQuestionException(ErrorCode code, String argument, String message) {
        super(message);
        this.code = code;
        this.argument = argument;
    }

    public ErrorCode code() {
        return code;
    }

    public String argument() {
        return argument;
    }
}
