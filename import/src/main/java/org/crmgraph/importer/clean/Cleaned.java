package org.crmgraph.importer.clean;

/** The cleaned value of one field, or why the raw text could not be used. */
public sealed interface Cleaned {

    record Value(Object value) implements Cleaned {}

    record Invalid(String reason) implements Cleaned {}

    static Cleaned of(Object value) {
        return new Value(value);
    }

    static Cleaned invalid(String reason) {
        return new Invalid(reason);
    }
}
