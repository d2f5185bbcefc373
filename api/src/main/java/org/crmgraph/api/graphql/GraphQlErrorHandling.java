package org.crmgraph.api.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.UUID;
import org.crmgraph.api.security.AccessRefusedException;
import org.crmgraph.graph.cypher.DatabaseFailures;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Turns exceptions into GraphQL errors a client can act on. Bad arguments name the argument and a
 * stable code; anything unexpected is logged with a reference and reaches the client only as that
 * reference, never as a stack trace, Cypher or class name.
 */
@ControllerAdvice
class GraphQlErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrorHandling.class);

    /** The one client error about an argument, from any module: its code, the argument and why. */
    @GraphQlExceptionHandler
    GraphQLError badArgument(InvalidArgumentException e, DataFetchingEnvironment env) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(e.code() == ErrorCode.NOT_FOUND ? ErrorType.NOT_FOUND : ErrorType.BAD_REQUEST)
                .message(e.getMessage())
                .extensions(Map.of("code", e.code().name(), "argument", e.argument()))
                .build();
    }

    /** An argument GraphQL accepted (an ID is any text) that its Java type cannot hold, e.g. a segment id that is not a number. */
    @GraphQlExceptionHandler
    GraphQLError unbindable(BindException e, DataFetchingEnvironment env) {
        var fieldError = e.getFieldError();
        String field = fieldError == null ? "" : fieldError.getField().replaceFirst("^\\$\\.?", "");
        String head = field.split("[.\\[]", 2)[0];
        String argument = env.getArguments().entrySet().stream()
                .filter(a -> a.getValue() instanceof Map<?, ?> input && input.containsKey(head))
                .map(a -> a.getKey() + "." + field)
                .findFirst()
                .orElse(
                        field.isEmpty()
                                ? env.getArguments().keySet().stream()
                                        .findFirst()
                                        .orElse("")
                                : field);
        return badArgument(
                new InvalidArgumentException(
                        ErrorCode.INVALID_FORMAT, argument, "The value of '" + argument + "' has the wrong form."),
                env);
    }

    @GraphQlExceptionHandler
    GraphQLError refused(AccessRefusedException e, DataFetchingEnvironment env) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.FORBIDDEN)
                .message(e.getMessage())
                .extensions(Map.of("code", ErrorCode.FORBIDDEN.name()))
                .build();
    }

    @GraphQlExceptionHandler
    GraphQLError unexpected(Exception e, DataFetchingEnvironment env) {
        if (DatabaseFailures.isUnavailable(e)) {
            log.warn(
                    "Neo4j unavailable while fetching {}: {}",
                    env.getExecutionStepInfo().getPath(),
                    e.getMessage());
            return GraphqlErrorBuilder.newError(env)
                    .errorType(ErrorType.INTERNAL_ERROR)
                    .message("The database is not reachable right now; try again shortly.")
                    .extensions(Map.of("code", ErrorCode.DATABASE_UNAVAILABLE.name()))
                    .build();
        }
        String reference = UUID.randomUUID().toString();
        log.error(
                "Unexpected failure {} while fetching {}",
                reference,
                env.getExecutionStepInfo().getPath(),
                e);
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.INTERNAL_ERROR)
                .message("Internal error; quote reference " + reference + " to the operators.")
                .extensions(Map.of("code", ErrorCode.INTERNAL.name(), "reference", reference))
                .build();
    }
}
