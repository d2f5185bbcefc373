package org.crmgraph.graph.cypher;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * Recognises the database's own verdict on a uniqueness constraint, the race-free way to detect duplicates, whether
 * it arrives as the driver's exception or wrapped by Spring's translation ({@code DataIntegrityViolationException}).
 */
public final class ConstraintViolations {

    private ConstraintViolations() {}

    public static boolean isUniquenessViolation(@Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Neo4jException e && "Neo.ClientError.Schema.ConstraintValidationFailed".equals(e.code())) {
                return true;
            }
        }
        return false;
    }
}
