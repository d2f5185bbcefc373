package org.crmgraph.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.EnumTypeDefinition;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.crmgraph.graph.validation.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The schema documents exactly the codes the service can send: one catalogue, no stray or undocumented code. */
class ErrorCatalogueTests {

    @Test
    void theSchemasErrorCodeEnumIsTheCatalogueAndEveryCodeIsDescribed() throws IOException {
        String schema = new ClassPathResource("graphql/schema.graphqls").getContentAsString(StandardCharsets.UTF_8);
        EnumTypeDefinition documented = new SchemaParser()
                .parse(schema)
                .getType("ErrorCode", EnumTypeDefinition.class)
                .orElseThrow();
        assertThat(documented.getEnumValueDefinitions())
                .extracting(value -> value.getName())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
        assertThat(documented.getEnumValueDefinitions())
                .allSatisfy(value ->
                        assertThat(value.getDescription()).as(value.getName()).isNotNull());
    }
}
