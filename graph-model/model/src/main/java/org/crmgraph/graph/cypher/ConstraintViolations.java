package org.crmgraph.graph.cypher;

import org.neo4j.driver.exceptions.ClientException;

/** Recognises the database's own verdict on a uniqueness constraint, the race-free way to detect duplicates. */
public final class ConstraintViolations {

    private ConstraintViolations() {}

    public static boolean isUniquenessViolation(ClientException e) {
        return "Neo.ClientError.Schema.ConstraintValidationFailed".equals(e.code());
    }
}
