package org.crmgraph.graph.validation;

/**
 * The one way to say "the client can fix this argument", from any module: which argument, a code from the one
 * catalogue ({@link ErrorCode}, documented in the schema) and a message that says why. The API turns it into a
 * GraphQL error with {@code extensions.code} and {@code extensions.argument}, or into a {@code UserError} where the
 * operation returns errors as data; the command line prints it.
 */
public class InvalidArgumentException extends IllegalArgumentException {

    private final ErrorCode code;
    private final String argument;

    public InvalidArgumentException(ErrorCode code, String argument, String message) {
        super(message);
        this.code = code;
        this.argument = argument;
    }

    /** An id, SKU or reference that names nothing. */
    public static InvalidArgumentException notFound(String argument, String message) {
        return new InvalidArgumentException(ErrorCode.NOT_FOUND, argument, message);
    }

    /** A number or date outside its allowed range. */
    public static InvalidArgumentException outOfRange(String argument, String message) {
        return new InvalidArgumentException(ErrorCode.OUT_OF_RANGE, argument, message);
    }

    public ErrorCode code() {
        return code;
    }

    /** The argument at fault, as the client named it ({@code first}, {@code after}, {@code input.email}...). */
    public String argument() {
        return argument;
    }

    /** As a field error, for operations that return their errors as data. */
    public FieldError asFieldError() {
        return FieldError.of(argument, code, getMessage());
    }
}
