package org.crmgraph.language;

import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.InvalidArgumentException;

/** A question or search text as the model takes it: trimmed, not blank, not longer than the configured limit. */
public final class QuestionText {

    private QuestionText() {}

    public static String check(String text, String argument, int maxLength) {
        if (text == null || text.isBlank()) {
            throw new InvalidArgumentException(ErrorCode.REQUIRED, argument, argument + " must not be empty");
        }
        String trimmed = text.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidArgumentException(
                    ErrorCode.TOO_LONG,
                    argument,
                    argument + " is " + trimmed.length() + " characters long; at most " + maxLength
                            + " are accepted (crm.support.max-question-length)");
        }
        return trimmed;
    }
}
