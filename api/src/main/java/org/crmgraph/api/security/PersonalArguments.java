package org.crmgraph.api.security;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.Map;
import org.crmgraph.graph.security.Role;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.jspecify.annotations.Nullable;

/**
 * Refuses, for roles that see personal data masked, any argument marked {@code @personalArgument} in the schema (a
 * filter on a name or an e-mail, a sort by one, a search in free text): the order of a list sorted by masked values,
 * or the count of those matching a partial value, would give back what the mask hides.
 */
final class PersonalArguments {

    static final String DIRECTIVE = "personalArgument";

    private PersonalArguments() {}

    /** Whether any argument of the field can carry personal data: only those fields are checked per call. */
    static boolean mayCarryPersonalData(GraphQLFieldDefinition field) {
        for (GraphQLArgument argument : field.getArguments()) {
            if (marks(argument.getType(), 0)) {
                return true;
            }
        }
        return false;
    }

    /** @throws InvalidArgumentException FORBIDDEN_ARGUMENT naming the argument and the role */
    static void check(GraphQLFieldDefinition field, Map<String, Object> arguments, Role role) {
        if (role.seesPersonalData()) {
            return;
        }
        for (GraphQLArgument argument : field.getArguments()) {
            String path = find(argument.getType(), arguments.get(argument.getName()), argument.getName());
            if (path != null) {
                throw new InvalidArgumentException(
                        ErrorCode.FORBIDDEN_ARGUMENT,
                        path,
                        "Role " + role + " sees personal data masked, so it may not filter or sort by it: remove '"
                                + path + "'.");
            }
        }
    }

    /** The path of the first personal value set in {@code value}, or null. */
    private static @Nullable String find(GraphQLType type, @Nullable Object value, String path) {
        if (value == null) {
            return null;
        }
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (GraphQLTypeUtil.isList(bare)) {
            if (value instanceof Iterable<?> items) {
                GraphQLType element = GraphQLTypeUtil.unwrapOne(bare);
                for (Object item : items) {
                    String found = find(element, item, path);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
        if (bare instanceof GraphQLInputObjectType input && value instanceof Map<?, ?> fields) {
            for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                Object fieldValue = fields.get(field.getName());
                if (fieldValue == null) {
                    continue;
                }
                String fieldPath = path + "." + field.getName();
                if (field.hasAppliedDirective(DIRECTIVE)) {
                    return fieldPath;
                }
                String found = find(field.getType(), fieldValue, fieldPath);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (bare instanceof GraphQLEnumType enumType) {
            GraphQLEnumValueDefinition chosen = enumType.getValue(String.valueOf(value));
            return chosen != null && chosen.hasAppliedDirective(DIRECTIVE) ? path : null;
        }
        return null;
    }

    private static boolean marks(GraphQLInputType type, int depth) {
        if (depth > 8) {
            return false;
        }
        GraphQLType bare = GraphQLTypeUtil.unwrapAll(type);
        if (bare instanceof GraphQLInputObjectType input) {
            for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                if (field.hasAppliedDirective(DIRECTIVE) || marks(field.getType(), depth + 1)) {
                    return true;
                }
            }
        }
        if (bare instanceof GraphQLEnumType enumType) {
            return enumType.getValues().stream().anyMatch(v -> v.hasAppliedDirective(DIRECTIVE));
        }
        return false;
    }
}
