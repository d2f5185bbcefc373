package org.crmgraph.importer.stream;

import org.crmgraph.importer.mapping.EntityType;

/** What a streaming client sends, and the built-in mapping that reads it (the same one a bulk import of JSON Lines uses). */
public enum IngestKind {
    INTERACTIONS(EntityType.INTERACTIONS, "interactions-jsonl"),
    ORDERS(EntityType.ORDERS, "orders-jsonl");

    private final EntityType type;
    private final String mapping;

    IngestKind(EntityType type, String mapping) {
        this.type = type;
        this.mapping = mapping;
    }

    public EntityType type() {
        return type;
    }

    /** The built-in mapping's name: its comments show a record of this kind. */
    public String mapping() {
        return mapping;
    }
}
