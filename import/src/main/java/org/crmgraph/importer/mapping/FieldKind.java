package org.crmgraph.importer.mapping;

/** What a target field holds, which decides how its raw text is cleaned (see README, "Cleaning"). */
public enum FieldKind {
    /** an identifier: trimmed; a whole number written as a decimal ({@code 17850.0}) loses its {@code .0} */
    ID,
    /** a product code: trimmed, upper-case */
    CODE,
    /** a short text: whitespace collapsed */
    TEXT,
    /** a long text: trimmed, line breaks kept */
    LONG_TEXT,
    /** a person's name: whitespace collapsed; ALL-CAPS or all-lower names get title case */
    PERSON_NAME,
    EMAIL,
    PHONE,
    COUNTRY,
    INTEGER,
    /** a number; for prices at most 4 decimal places and 15 significant digits, so it is stored exactly */
    DECIMAL,
    /** an ISO 4217 currency code, any case */
    CURRENCY,
    DATETIME,
    /** a calendar date (no time): ISO-8601, {@code yyyyMMdd} or the mapping's formats */
    DATE,
    CHANNEL,
    TICKET_STATUS,
    TICKET_PRIORITY,
    /** a list: split on {@code ;} or {@code |}, each item trimmed */
    LIST
}
