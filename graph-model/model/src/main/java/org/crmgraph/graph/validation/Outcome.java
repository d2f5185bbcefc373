package org.crmgraph.graph.validation;

import java.util.List;
import java.util.function.Consumer;

/**
 * Result of a command that can fail in ways the caller should show to a user: either a value or
 * the field errors that explain why there is none.
 */
public record Outcome<T>(T value, List<FieldError> errors) {

    public static <T> Outcome<T> success(T value) {
        return new Outcome<>(value, List.of());
    }

    public static <T> Outcome<T> failure(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("A failure needs at least one error");
        }
        return new Outcome<>(null, List.copyOf(errors));
    }

    public static <T> Outcome<T> failure(String field, ErrorCode code, String message) {
        return failure(List.of(FieldError.of(field, code, message)));
    }

    /** The value turned into another on success; the same errors on failure. */
    public <R> Outcome<R> map(java.util.function.Function<? super T, ? extends R> mapper) {
        return succeeded() ? success(mapper.apply(value)) : new Outcome<>(null, errors);
    }

    public boolean succeeded() {
        return errors.isEmpty();
    }

    /** Runs {@code action} on the value when this succeeded (e.g. to publish what changed); returns this. */
    public Outcome<T> ifSucceeded(Consumer<? super T> action) {
        if (succeeded()) {
            action.accept(value);
        }
        return this;
    }
}
