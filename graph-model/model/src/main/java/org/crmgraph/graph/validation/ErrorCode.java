package org.crmgraph.graph.validation;

/**
 * Stable codes for failures a client can act on: the one catalogue, for errors returned as data ({@code UserError})
 * and for GraphQL errors about an argument ({@code extensions.code}). Front ends switch on these; never rename one.
 * Each is documented in the schema's {@code ErrorCode} enum.
 */
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
    /** The e-mail address, phone or customer belongs to a person who was erased; they are not written again. */
    ERASED,
    /** Another product already has this SKU. */
    DUPLICATE_SKU,
    /** The thing is still referenced (e.g. a product that appears in orders) and cannot be removed. */
    IN_USE,
    /** The operation does not fit the current state (e.g. resolving a closed ticket). */
    INVALID_STATE,
    /** A server-side path outside the folder the service may read (the configured import folder). */
    OUTSIDE_IMPORT_FOLDER,
    /** {@code first} asks for more items than a page may hold; page with {@code after}. */
    PAGE_SIZE_EXCEEDED,
    /** {@code first} is negative. */
    INVALID_PAGE_SIZE,
    /** {@code after} is not a cursor this list handed out (edited, forged, or from another list or sort order). */
    INVALID_CURSOR,

    // what a whole request can fail with, in the top-level errors' extensions.code

    /** No credentials, or a key or token that is unknown, revoked, forged or expired (HTTP 401). */
    UNAUTHENTICATED,
    /** The caller's role may not use this field; the message names the roles that may. */
    FORBIDDEN,
    /**
     * The caller's role sees personal data masked, so it may not filter or sort by it; the argument is named.
     */
    FORBIDDEN_ARGUMENT,
    /** The caller sent more requests than its rate allows (HTTP 429 with Retry-After). */
    RATE_LIMITED,
    /**
     * The request's Idempotency-Key was used for a different request, or the first request with it is still running.
     */
    IDEMPOTENCY_CONFLICT,
    /** The document is not registered as trusted (production profile), or a documentId names no registered one. */
    UNTRUSTED_DOCUMENT,
    /** The query nests deeper than crm.graphql.max-depth; refused before running. */
    QUERY_TOO_DEEP,
    /** The query's estimated cost is above crm.graphql.max-complexity; refused before running. */
    QUERY_TOO_COMPLEX,
    /** The request ran longer than crm.graphql.request-timeout. */
    REQUEST_TIMEOUT,
    /** Neo4j cannot be reached right now; retry shortly. */
    DATABASE_UNAVAILABLE,
    /** Something unexpected; the error carries a reference the operators can find in the log. */
    INTERNAL
}
