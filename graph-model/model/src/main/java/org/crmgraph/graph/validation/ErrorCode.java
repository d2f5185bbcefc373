package org.crmgraph.graph.validation;

/** Stable codes for failures a client can act on. Front ends switch on these; never rename one. */
public enum ErrorCode {
    /** A required field is missing or blank. */
    REQUIRED,
    /** A value has the wrong form (e-mail, country, phone, SKU...). */
    INVALID_FORMAT,
    /** A number or date is outside the allowed range. */
    OUT_OF_RANGE,
    /** A text is longer than allowed. */
    TOO_LONG,
    /** The thing named by an id, SKU or reference does not exist. */
    NOT_FOUND,
    /** Another customer already has this e-mail address. */
    DUPLICATE_EMAIL,
    /** Another product already has this SKU. */
    DUPLICATE_SKU,
    /** The thing is still referenced (e.g. a product that appears in orders) and cannot be removed. */
    IN_USE,
    /** The operation does not fit the current state (e.g. resolving a closed ticket). */
    INVALID_STATE,
    /** A server-side path outside the folder the service may read (the configured import folder). */
    OUTSIDE_IMPORT_FOLDER
}
