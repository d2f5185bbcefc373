package org.crmgraph.graph.filter;

import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.InvalidArgumentException;

/**
 * A {@code where} argument compiled to a Cypher condition and its parameters. The grammar, as {@code @neo4j/graphql}
 * users know it: a map of fields, each with operators ({@code {name: {contains: "smith"}}}), {@code AND}/{@code OR}
 * (lists) and {@code NOT} (one filter), and related nodes ({@code {orders: {some: {...}}}}, {@code {customer:
 * {...}}}). Everything given must hold; an empty filter or an operator set to null holds for every node.
 *
 * @param cypher     a condition over the node variable, {@code true} for an empty filter
 * @param parameters the values, named {@code where_0}, {@code where_1}...
 */
public record Where(String cypher, Map<String, Object> parameters) {

    /** Deepest nesting of AND/OR/NOT and related-node filters. */
    public static final int MAX_DEPTH = 6;

    /** Most operators and related-node filters in one filter: each is a condition the database evaluates per node. */
    public static final int MAX_CONDITIONS = 40;

    public static final Where NONE = new Where("true", Map.of());

    public boolean isEmpty() {
        return parameters.isEmpty() && cypher.equals("true");
    }

    /**
     * @param where    the argument as GraphQL coerced it (maps, lists, strings, numbers, date-times), or null
     * @param variable the node variable of the list query, e.g. {@code c}
     * @param argument the argument's name, for errors
     * @throws InvalidArgumentException OUT_OF_RANGE when the filter nests deeper than {@link #MAX_DEPTH} or has more
     *     than {@link #MAX_CONDITIONS} conditions; INVALID_FORMAT for a field or operator the schema does not have
     */
    public static Where compile(FilterSchema schema, Map<String, ?> where, String variable, String argument) {
        if (where == null || where.isEmpty()) {
            return NONE;
        }
        Compiler compiler = new Compiler(argument);
        String cypher = compiler.node(schema, where, variable, argument, 0);
        return new Where(cypher, compiler.parameters);
    }

    private static final class Compiler {
        private final String argument;
        private final Map<String, Object> parameters = new HashMap<>();
        private int conditions;
        private int variables;

        Compiler(String argument) {
            this.argument = argument;
        }

        String node(FilterSchema schema, Map<String, ?> where, String variable, String path, int depth) {
            if (depth > MAX_DEPTH) {
                throw new InvalidArgumentException(
                        ErrorCode.OUT_OF_RANGE,
                        argument,
                        "'" + path + "' nests filters deeper than " + MAX_DEPTH + " levels.");
            }
            List<String> all = new ArrayList<>();
            for (Map.Entry<String, ?> entry : where.entrySet()) {
                String field = entry.getKey();
                Object value = entry.getValue();
                String at = path + "." + field;
                if (value == null) {
                    continue;
                }
                switch (field) {
                    case "AND", "OR" -> {
                        List<String> parts = new ArrayList<>();
                        int i = 0;
                        for (Object item : (List<?>) value) {
                            parts.add(node(schema, map(item), variable, at + "." + i++, depth + 1));
                        }
                        if (!parts.isEmpty()) {
                            all.add("(" + String.join(field.equals("AND") ? " AND " : " OR ", parts) + ")");
                        } else if (field.equals("OR")) {
                            all.add("false");
                        }
                    }
                    case "NOT" -> all.add("NOT (" + node(schema, map(value), variable, at, depth + 1) + ")");
                    default -> all.add(field(schema, field, value, variable, at, depth));
                }
            }
            return all.isEmpty() ? "true" : String.join(" AND ", all);
        }

        private String field(FilterSchema schema, String field, Object value, String variable, String at, int depth) {
            FilterSchema.Property property = schema.propertyNamed(field);
            if (property != null) {
                return operators(property, map(value), variable, at);
            }
            FilterSchema.Relation relation = schema.relationNamed(field);
            if (relation == null) {
                throw new InvalidArgumentException(
                        ErrorCode.INVALID_FORMAT, argument, schema.name() + " has no filter '" + at + "'.");
            }
            count(at);
            String inner = "n" + variables++;
            String pattern = relation.pattern().formatted(variable, inner);
            FilterSchema target = relation.target().get();
            if (!relation.many()) {
                return "EXISTS { MATCH " + pattern + " WHERE " + node(target, map(value), inner, at, depth + 1) + " }";
            }
            List<String> quantified = new ArrayList<>();
            for (Map.Entry<String, ?> entry : map(value).entrySet()) {
                if (entry.getValue() == null) {
                    continue;
                }
                String condition = node(target, map(entry.getValue()), inner, at + "." + entry.getKey(), depth + 1);
                quantified.add(
                        switch (entry.getKey()) {
                            case "some" -> "EXISTS { MATCH " + pattern + " WHERE " + condition + " }";
                            case "none" -> "NOT EXISTS { MATCH " + pattern + " WHERE " + condition + " }";
                            case "all" -> "NOT EXISTS { MATCH " + pattern + " WHERE NOT (" + condition + ") }";
                            default ->
                                throw new InvalidArgumentException(
                                        ErrorCode.INVALID_FORMAT,
                                        argument,
                                        "'" + at + "' takes some, none or all, not '" + entry.getKey() + "'.");
                        });
            }
            return quantified.isEmpty() ? "true" : String.join(" AND ", quantified);
        }

        private String operators(FilterSchema.Property property, Map<String, ?> operators, String variable, String at) {
            String expression = property.expression().formatted(variable);
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, ?> entry : operators.entrySet()) {
                if (entry.getValue() == null) {
                    continue;
                }
                count(at);
                String operator = entry.getKey();
                boolean ignoreCase = property.kind() == FilterSchema.Kind.STRING
                        && (operator.equals("contains") || operator.equals("startsWith"));
                String parameter = parameter(ignoreCase ? lower(entry.getValue()) : entry.getValue());
                String left = ignoreCase ? "toLower(" + expression + ")" : expression;
                parts.add(
                        switch (operator) {
                            case "eq" -> left + " = " + parameter;
                            case "in" -> left + " IN " + parameter;
                            case "contains" -> left + " CONTAINS " + parameter;
                            case "startsWith" -> left + " STARTS WITH " + parameter;
                            case "gt" -> left + " > " + parameter;
                            case "gte" -> left + " >= " + parameter;
                            case "lt" -> left + " < " + parameter;
                            case "lte" -> left + " <= " + parameter;
                            default ->
                                throw new InvalidArgumentException(
                                        ErrorCode.INVALID_FORMAT,
                                        argument,
                                        "'" + at + "' has no operator '" + operator + "'.");
                        });
            }
            return parts.isEmpty() ? "true" : String.join(" AND ", parts);
        }

        private void count(String at) {
            if (++conditions > MAX_CONDITIONS) {
                throw new InvalidArgumentException(
                        ErrorCode.OUT_OF_RANGE,
                        argument,
                        "'" + argument + "' has more than " + MAX_CONDITIONS + " conditions (at '" + at
                                + "'); split the question.");
            }
        }

        private String parameter(Object value) {
            String name = "where_" + parameters.size();
            parameters.put(name, driverValue(value));
            return "$" + name;
        }

        private static Object driverValue(Object value) {
            return switch (value) {
                case BigDecimal decimal -> decimal.doubleValue();
                case Enum<?> constant -> constant.name();
                case List<?> items -> items.stream().map(Compiler::driverValue).toList();
                case String text -> text;
                case Number number -> number;
                case Boolean bool -> bool;
                case Temporal time -> time;
                default -> String.valueOf(value);
            };
        }

        private static Object lower(Object value) {
            return value instanceof String text ? text.toLowerCase(Locale.ROOT) : value;
        }

        @SuppressWarnings("unchecked")
        private Map<String, ?> map(Object value) {
            if (value instanceof Map<?, ?> map) {
                return (Map<String, ?>) map;
            }
            throw new InvalidArgumentException(
                    ErrorCode.INVALID_FORMAT, argument, "Expected an input object in '" + argument + "'.");
        }
    }
}
