package org.crmgraph.language.sentiment;

import java.util.Locale;
import java.util.Optional;

/** How a message sounds. */
public enum SentimentLabel {
    NEGATIVE(-1),
    NEUTRAL(0),
    POSITIVE(1);

    private final int sign;

    SentimentLabel(int sign) {
        this.sign = sign;
    }

    /** -1, 0 or +1: a message's contribution to its customer's trend is this times the confidence. */
    public int sign() {
        return sign;
    }

    /** The label a training file names, matched case-insensitively ("negative", "Positive"...). */
    public static Optional<SentimentLabel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
