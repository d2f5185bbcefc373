package org.crmgraph.api.graphql;

import org.springframework.graphql.execution.ErrorType;

/**
 * A query argument a client can fix, reported as a GraphQL error with {@code extensions.code} and
 * {@code extensions.argument}: an unknown id ({@code NOT_FOUND}) or a value out of range ({@code OUT_OF_RANGE}).
 */
public class ArgumentException extends RuntimeException {

    private final String code;
    private final String argument;
    private final ErrorType type;

    private ArgumentException(String code, String argument, ErrorType type, String message) {
        super(message);
        this.code = code;
        this.argument = argument;
        this.type = type;
    }

    public static ArgumentException notFound(String argument, String message) {
        return new ArgumentException("NOT_FOUND", argument, ErrorType.NOT_FOUND, message);
    }

    public static ArgumentException outOfRange(String argument, String message) {
        return new ArgumentException("OUT_OF_RANGE", argument, ErrorType.BAD_REQUEST, message);
    }

    /** A bad argument value with one of the schema's error codes (REQUIRED, TOO_LONG...). */
    public static ArgumentException invalid(String code, String argument, String message) {
        return new ArgumentException(code, argument, ErrorType.BAD_REQUEST, message);
    }

    /** {@code value} must lie in [1, max]. */
    public static int checkFirst(Integer value, int fallback, int max) {
        int first = value == null ? fallback : value;
        if (first < 1 || first > max) {
            throw outOfRange("first", "first must be between 1 and " + max + ", was " + first);
        }
        return first;
    }

    public String code() {
        return code;
    }

    public String argument() {
        return argument;
    }

    public ErrorType type() {
        return type;
    }
}
