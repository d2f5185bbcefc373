package org.crmgraph.api.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * When a list field fails (say, a page size above the cap), Spring for GraphQL's connection support
 * turns its null into an empty connection whose {@code totalCount} is then null, and graphql-java
 * adds a "non-null field was null" error below the real one. A client should see the cause only,
 * so a non-null violation is dropped when an error already sits on the same path or above it.
 */
class RootCauseErrorsInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(
            ExecutionResult result, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        List<GraphQLError> errors = result.getErrors();
        if (errors.size() < 2) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> causes =
                errors.stream().filter(error -> !isConsequence(error, errors)).toList();
        return CompletableFuture.completedFuture(
                causes.size() == errors.size() ? result : result.transform(builder -> builder.errors(causes)));
    }

    private static boolean isConsequence(GraphQLError error, List<GraphQLError> all) {
        if (!(error instanceof NonNullableFieldWasNullError) || error.getPath() == null) {
            return false;
        }
        return all.stream()
                .anyMatch(other -> other != error
                        && !(other instanceof NonNullableFieldWasNullError)
                        && other.getPath() != null
                        && other.getPath().size() <= error.getPath().size()
                        && error.getPath().subList(0, other.getPath().size()).equals(other.getPath()));
    }
}
