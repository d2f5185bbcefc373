package org.crmgraph.language.sentiment;

/** A sentiment model cannot be trained from what was given; the message says why and what to change. */
public class SentimentTrainingException extends RuntimeException {

    public SentimentTrainingException(String message) {
        super(message);
    }
}
