package org.crmgraph.graph.page;

/** A page argument a client can fix: a page size out of bounds or a cursor that is not ours. */
public class InvalidPageRequestException extends RuntimeException {

    private final String code;
    private final String argument;

    public InvalidPageRequestException(String code, String argument, String message) {
        super(message);
        this.code = code;
        this.argument = argument;
    }

    /** Stable machine-readable code: {@code PAGE_SIZE_EXCEEDED}, {@code INVALID_PAGE_SIZE} or {@code INVALID_CURSOR}. */
    public String code() {
        return code;
    }

    /** The argument at fault ({@code first} or {@code after}). */
    public String argument() {
        return argument;
    }
}
