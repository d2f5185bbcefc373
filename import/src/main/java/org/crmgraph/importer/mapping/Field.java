package org.crmgraph.importer.mapping;

import java.util.Arrays;
import java.util.Optional;

/** A property a mapping can fill, named as in mapping files. */
public enum Field {
    // who the row is about: identity resolution turns these into one Customer
    CUSTOMER_ID("customerId", FieldKind.ID),
    EMAIL("email", FieldKind.EMAIL),
    PHONE("phone", FieldKind.PHONE),
    NAME("name", FieldKind.PERSON_NAME),
    COUNTRY("country", FieldKind.COUNTRY),
    CITY("city", FieldKind.TEXT),
    GIVEN_NAME("givenName", FieldKind.PERSON_NAME),
    FAMILY_NAME("familyName", FieldKind.PERSON_NAME),
    /** the street line(s): number, street, building; several columns may be joined ({@code columns: [...]}) */
    STREET("street", FieldKind.TEXT),
    POSTCODE("postcode", FieldKind.CODE),
    /** state, province or county */
    REGION("region", FieldKind.TEXT),
    BIRTH_DATE("birthDate", FieldKind.DATE),
    UPDATED_AT("updatedAt", FieldKind.DATETIME),
    // products and order lines
    SKU("sku", FieldKind.CODE),
    PRODUCT_NAME("productName", FieldKind.TEXT),
    DESCRIPTION("description", FieldKind.LONG_TEXT),
    CATEGORY("category", FieldKind.TEXT),
    PRICE("price", FieldKind.DECIMAL),
    ORDER_ID("orderId", FieldKind.ID),
    QUANTITY("quantity", FieldKind.INTEGER),
    UNIT_PRICE("unitPrice", FieldKind.DECIMAL),
    /** ISO 4217 code of price and unit price; usually a constant ({@code currency: { default: GBP }}) */
    CURRENCY("currency", FieldKind.CURRENCY),
    PLACED_AT("placedAt", FieldKind.DATETIME),
    // tickets
    TICKET_ID("ticketId", FieldKind.ID),
    SUBJECT("subject", FieldKind.TEXT),
    BODY("body", FieldKind.LONG_TEXT),
    STATUS("status", FieldKind.TICKET_STATUS),
    PRIORITY("priority", FieldKind.TICKET_PRIORITY),
    RESOLUTION("resolution", FieldKind.LONG_TEXT),
    CREATED_AT("createdAt", FieldKind.DATETIME),
    RESOLVED_AT("resolvedAt", FieldKind.DATETIME),
    // interactions (channel also for orders and tickets)
    CHANNEL("channel", FieldKind.CHANNEL),
    INTERACTION_ID("interactionId", FieldKind.ID),
    TYPE("type", FieldKind.TEXT),
    OCCURRED_AT("occurredAt", FieldKind.DATETIME),
    TEXT("text", FieldKind.LONG_TEXT),
    // knowledge-base articles
    ARTICLE_ID("articleId", FieldKind.ID),
    TITLE("title", FieldKind.TEXT),
    TAGS("tags", FieldKind.LIST);

    private final String key;
    private final FieldKind kind;

    Field(String key, FieldKind kind) {
        this.key = key;
        this.kind = kind;
    }

    /** The name used in mapping files. */
    public String key() {
        return key;
    }

    public FieldKind kind() {
        return kind;
    }

    public static Optional<Field> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
