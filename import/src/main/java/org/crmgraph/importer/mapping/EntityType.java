package org.crmgraph.importer.mapping;

import static org.crmgraph.importer.mapping.Field.ARTICLE_ID;
import static org.crmgraph.importer.mapping.Field.BIRTH_DATE;
import static org.crmgraph.importer.mapping.Field.BODY;
import static org.crmgraph.importer.mapping.Field.CATEGORY;
import static org.crmgraph.importer.mapping.Field.CHANNEL;
import static org.crmgraph.importer.mapping.Field.CITY;
import static org.crmgraph.importer.mapping.Field.COUNTRY;
import static org.crmgraph.importer.mapping.Field.CREATED_AT;
import static org.crmgraph.importer.mapping.Field.CURRENCY;
import static org.crmgraph.importer.mapping.Field.CUSTOMER_ID;
import static org.crmgraph.importer.mapping.Field.DESCRIPTION;
import static org.crmgraph.importer.mapping.Field.EMAIL;
import static org.crmgraph.importer.mapping.Field.FAMILY_NAME;
import static org.crmgraph.importer.mapping.Field.GIVEN_NAME;
import static org.crmgraph.importer.mapping.Field.INTERACTION_ID;
import static org.crmgraph.importer.mapping.Field.NAME;
import static org.crmgraph.importer.mapping.Field.OCCURRED_AT;
import static org.crmgraph.importer.mapping.Field.ORDER_ID;
import static org.crmgraph.importer.mapping.Field.PHONE;
import static org.crmgraph.importer.mapping.Field.PLACED_AT;
import static org.crmgraph.importer.mapping.Field.POSTCODE;
import static org.crmgraph.importer.mapping.Field.PRICE;
import static org.crmgraph.importer.mapping.Field.PRIORITY;
import static org.crmgraph.importer.mapping.Field.PRODUCT_NAME;
import static org.crmgraph.importer.mapping.Field.QUANTITY;
import static org.crmgraph.importer.mapping.Field.REGION;
import static org.crmgraph.importer.mapping.Field.RESOLUTION;
import static org.crmgraph.importer.mapping.Field.RESOLVED_AT;
import static org.crmgraph.importer.mapping.Field.SKU;
import static org.crmgraph.importer.mapping.Field.STATUS;
import static org.crmgraph.importer.mapping.Field.STREET;
import static org.crmgraph.importer.mapping.Field.SUBJECT;
import static org.crmgraph.importer.mapping.Field.TAGS;
import static org.crmgraph.importer.mapping.Field.TEXT;
import static org.crmgraph.importer.mapping.Field.TICKET_ID;
import static org.crmgraph.importer.mapping.Field.TITLE;
import static org.crmgraph.importer.mapping.Field.TYPE;
import static org.crmgraph.importer.mapping.Field.UNIT_PRICE;
import static org.crmgraph.importer.mapping.Field.UPDATED_AT;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What one row of a file becomes, with the fields a mapping may fill and those it must. */
public enum EntityType {
    CUSTOMERS(true, EnumSet.noneOf(Field.class), EnumSet.of(UPDATED_AT)),
    PRODUCTS(false, EnumSet.of(SKU), EnumSet.of(PRODUCT_NAME, DESCRIPTION, CATEGORY, PRICE, CURRENCY, UPDATED_AT)),
    ORDERS(
            true,
            EnumSet.of(ORDER_ID, SKU, QUANTITY),
            EnumSet.of(PRODUCT_NAME, CATEGORY, UNIT_PRICE, CURRENCY, PLACED_AT, CHANNEL)),
    TICKETS(
            true,
            EnumSet.of(BODY),
            EnumSet.of(
                    TICKET_ID, SUBJECT, CATEGORY, STATUS, PRIORITY, CHANNEL, RESOLUTION, CREATED_AT, RESOLVED_AT, SKU)),
    INTERACTIONS(true, EnumSet.of(CHANNEL), EnumSet.of(INTERACTION_ID, TYPE, OCCURRED_AT, TEXT, SKU)),
    ARTICLES(false, EnumSet.of(ARTICLE_ID, TITLE, BODY), EnumSet.of(TAGS, UPDATED_AT));

    private final boolean carriesIdentity;
    private final Set<Field> required;
    private final Set<Field> allowed;

    EntityType(boolean carriesIdentity, Set<Field> required, Set<Field> optional) {
        this.carriesIdentity = carriesIdentity;
        this.required = required;
        this.allowed = EnumSet.copyOf(required);
        this.allowed.addAll(optional);
        if (carriesIdentity) {
            this.allowed.addAll(identity());
        }
    }

    /** Fields that must be mapped, and filled in every row, for a row to mean anything. */
    public Set<Field> required() {
        return required;
    }

    public Set<Field> allowed() {
        return allowed;
    }

    /** Fields that say who a row is about; every type except products and articles may carry them. */
    public static Set<Field> identity() {
        return EnumSet.of(
                CUSTOMER_ID,
                EMAIL,
                PHONE,
                NAME,
                COUNTRY,
                CITY,
                GIVEN_NAME,
                FAMILY_NAME,
                STREET,
                POSTCODE,
                REGION,
                BIRTH_DATE);
    }

    public boolean carriesIdentity() {
        return carriesIdentity;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EntityType> byKey(String key) {
        try {
            return Optional.of(valueOf(key.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
