package org.crmgraph.algorithms.support.answer;

import org.crmgraph.graph.validation.ErrorCode;

/** A question or search text the service will not take (blank, too long), with the argument to fix. */
public class InvalidQuestionException extends RuntimeException {

    private final ErrorCode code;

    public InvalidQuestionException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
