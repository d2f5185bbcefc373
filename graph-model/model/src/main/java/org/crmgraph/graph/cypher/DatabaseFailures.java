package org.crmgraph.graph.cypher;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

/** Tells "Neo4j cannot be reached" apart from other failures, whether Spring wrapped the driver's exception or not. */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    public static boolean isUnavailable(@Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ServiceUnavailableException || t instanceof SessionExpiredException) {
                return true;
            }
        }
        return false;
    }
}
