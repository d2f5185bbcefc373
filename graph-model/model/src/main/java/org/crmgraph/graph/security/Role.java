package org.crmgraph.graph.security;

/**
 * What a caller may do. {@link #ADMIN} may do everything; the others are granted operation by
 * operation (the {@code @allowed} directives of the schema).
 */
public enum Role {
    ADMIN,
    /** imports, merges, customer and product data */
    DATA_STEWARD,
    /** tickets, support answers, reading customers */
    AGENT,
    /** reads everything, runs analytics */
    ANALYST,
    READ_ONLY;

    /** Whether this role sees e-mail, phone, name and address unmasked. */
    public boolean seesPersonalData() {
        return this == ADMIN || this == DATA_STEWARD || this == AGENT;
    }
}
