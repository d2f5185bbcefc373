package org.crmgraph.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.AbstractDescribedNode;
import graphql.language.DirectiveDefinition;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Every type, field, argument, input field, enum value and directive of the schema says what it is: front-end
 * developers read the API in GraphiQL and their IDE, not in our code. Fails with the list of what is undocumented.
 */
class SchemaDescriptionsTests {

    @Test
    void everyTypeFieldArgumentAndEnumValueHasADescription() throws IOException {
        String schema = new ClassPathResource("graphql/schema.graphqls").getContentAsString(StandardCharsets.UTF_8);
        TypeDefinitionRegistry registry = new SchemaParser().parse(schema);
        List<String> missing = new ArrayList<>();
        for (TypeDefinition<?> type : registry.types().values()) {
            String name = type.getName();
            boolean root = name.equals("Query") || name.equals("Mutation") || name.equals("Subscription");
            if (!root) {
                check(missing, name, (AbstractDescribedNode<?>) type);
            }
            switch (type) {
                case ObjectTypeDefinition object -> fields(missing, name, object.getFieldDefinitions());
                case InterfaceTypeDefinition object -> fields(missing, name, object.getFieldDefinitions());
                case InputObjectTypeDefinition input ->
                    input.getInputValueDefinitions().forEach(f -> check(missing, name + "." + f.getName(), f));
                case EnumTypeDefinition enumType ->
                    enumType.getEnumValueDefinitions().forEach(v -> check(missing, name + "." + v.getName(), v));
                default -> {}
            }
        }
        registry.scalars().values().stream()
                .filter(s -> registry.getType(s.getName()).isEmpty() && schema.contains("scalar " + s.getName()))
                .forEach(s -> check(missing, s.getName(), s));
        for (DirectiveDefinition directive : registry.getDirectiveDefinitions().values()) {
            check(missing, "@" + directive.getName(), directive);
        }
        assertThat(missing).as("schema elements without a description").isEmpty();
    }

    private static void fields(List<String> missing, String type, List<FieldDefinition> fields) {
        for (FieldDefinition field : fields) {
            String path = type + "." + field.getName();
            check(missing, path, field);
            for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                check(missing, path + "(" + argument.getName() + ")", argument);
            }
        }
    }

    private static void check(List<String> missing, String path, AbstractDescribedNode<?> node) {
        if (node.getDescription() == null || node.getDescription().getContent().isBlank()) {
            missing.add(path);
        }
    }
}
