package org.crmgraph.language.embedding;

/** The embedding model could not be found or loaded; the message names what is missing and where it was looked for. */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message) {
        super(message);
    }

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
