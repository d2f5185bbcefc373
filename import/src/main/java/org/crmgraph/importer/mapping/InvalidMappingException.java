package org.crmgraph.importer.mapping;

/** A mapping that cannot be used: names which entry is wrong and why. */
public class InvalidMappingException extends RuntimeException {

    public InvalidMappingException(String message) {
        super(message);
    }
}
