package org.crmgraph.graph.validation;

import java.util.List;

/**
 * What is wrong with one field of a mutation's input.
 *
 * @param field path to the field inside the input, e.g. {@code ["email"]} or {@code ["lines", "2", "quantity"]}
 */
public record FieldError(List<String> field, ErrorCode code, String message) {

    public static FieldError of(String field, ErrorCode code, String message) {
        return new FieldError(List.of(field.split("\\.")), code, message);
    }
}
