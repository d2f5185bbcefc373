package org.crmgraph.graph.filter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one kind of node may be filtered by: its properties, each with the Cypher expression that reads it, and the
 * related nodes that can be filtered in turn. Every text in here is written in this code base.
 */
public final class FilterSchema {

    /** How a property is compared, which decides the operators it takes. */
    public enum Kind {
        /** {@code eq}, {@code in}; {@code contains} and {@code startsWith} ignore case */
        STRING,
        /** {@code eq}, {@code in} */
        ID,
        /** {@code eq}, {@code in}, {@code gt}, {@code gte}, {@code lt}, {@code lte} */
        NUMBER,
        /** {@code eq}, {@code gt}, {@code gte}, {@code lt}, {@code lte} */
        DATETIME,
        /** {@code eq}, {@code in} over enum names */
        ENUM
    }

    /**
     * @param expression Cypher reading the property of the node in {@code %1$s}
     */
    record Property(Kind kind, String expression) {}

    /**
     * @param pattern the path from the node in {@code %1$s} to the related node in {@code %2$s}, e.g.
     *                {@code (%1$s)-[:PLACED]->(%2$s:Order)}
     * @param many    {@code some}/{@code none}/{@code all} over several related nodes; otherwise the related node's
     *                filter directly (an order's customer)
     */
    record Relation(String pattern, boolean many, Supplier<FilterSchema> target) {}

    private final String name;
    private final Map<String, Property> properties = new LinkedHashMap<>();
    private final Map<String, Relation> relations = new LinkedHashMap<>();

    public FilterSchema(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** A property read as {@code var.property}. */
    public FilterSchema property(String field, Kind kind) {
        return property(field, kind, "%1$s." + field);
    }

    public FilterSchema property(String field, Kind kind, String expression) {
        properties.put(field, new Property(kind, expression));
        return this;
    }

    public FilterSchema many(String field, String pattern, Supplier<FilterSchema> target) {
        relations.put(field, new Relation(pattern, true, target));
        return this;
    }

    public FilterSchema one(String field, String pattern, Supplier<FilterSchema> target) {
        relations.put(field, new Relation(pattern, false, target));
        return this;
    }

    Property propertyNamed(String field) {
        return properties.get(field);
    }

    Relation relationNamed(String field) {
        return relations.get(field);
    }
}
