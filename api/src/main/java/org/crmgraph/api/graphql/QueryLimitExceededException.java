package org.crmgraph.api.graphql;

import graphql.execution.AbortExecutionException;
import java.util.Map;

/** A query refused before it runs, with a stable code and the limit in the error's extensions. */
final class QueryLimitExceededException extends AbortExecutionException {

    private final Map<String, Object> extensions;

    QueryLimitExceededException(String code, String message, int actual, int limit) {
        super(message);
        this.extensions = Map.of("code", code, "actual", actual, "limit", limit);
    }

    @Override
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
