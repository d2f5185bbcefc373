package org.crmgraph.importer.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.crmgraph.importer.read.RowSources.Format;
import org.junit.jupiter.api.Test;

class MappingLoaderTests {

    private static ImportMapping parse(String yaml) {
        return MappingLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    @Test
    void everyBuiltInMappingLoads() {
        for (String name : MappingLoader.BUILT_IN) {
            assertThat(MappingLoader.builtIn(name).name()).isEqualTo(name);
        }
        ImportMapping retail = MappingLoader.builtIn("online-retail");
        assertThat(retail.type()).isEqualTo(EntityType.ORDERS);
        assertThat(retail.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(retail.orders().cancellationPrefix()).isEqualTo("C");
        assertThat(retail.orders().nonProductSkus()).contains("POST", "BANK CHARGES");
        assertThat(MappingLoader.builtIn("interactions-jsonl").format()).isEqualTo(Format.JSONL);
        assertThat(MappingLoader.builtIn("tickets-csv").rule(Field.STATUS).defaultValue())
                .isEqualTo("RESOLVED");
    }

    @Test
    void jsonIsAcceptedToo() {
        ImportMapping mapping = parse("""
                {"type": "customers", "source": "shop", "fields": {"email": "E-mail", "name": {"column": "Name"}}}
                """);
        assertThat(mapping.rule(Field.EMAIL).column()).isEqualTo("E-mail");
        assertThat(mapping.match()).containsExactly(MatchRule.EXTERNAL_ID, MatchRule.EMAIL, MatchRule.PHONE);
    }

    @Test
    void namesTheEntryThatIsWrong() {
        assertThatThrownBy(() -> parse("type: orders\nfields: {orderId: A, sku: B, quantity: C}\ndelimeter: ';'"))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessageContaining("'delimeter': unknown key");
        assertThatThrownBy(() -> parse("type: orders\nfields: {orderId: A, sku: B}"))
                .hasMessageContaining("orders need 'quantity'");
        assertThatThrownBy(() ->
                        parse("type: orders\nfields: {orderId: A, sku: B, quantity: {column: C, required: false}}"))
                .hasMessageContaining("'fields.quantity': is always required for orders");
        assertThatThrownBy(() -> parse("type: products\nfields: {sku: A, email: B}"))
                .hasMessageContaining("'fields.email': not a field of products");
        assertThatThrownBy(() -> parse("type: customers\nfields: {name: A}"))
                .hasMessageContaining("customers need customerId, email or phone");
        assertThatThrownBy(() -> parse("type: leads\nfields: {name: A}"))
                .hasMessageContaining("'type': must be one of");
        assertThatThrownBy(() -> parse("type: customers\nzone: Mars/Olympus\nfields: {email: A}"))
                .hasMessageContaining("'zone'");
        assertThatThrownBy(
                        () -> parse(
                                "type: customers\nfields: {updatedAt: {column: A, formats: ['yyyy-MM-dd HH:mm:bb']}, email: B}"))
                .hasMessageContaining("'fields.updatedAt.formats'");
        assertThatThrownBy(() -> parse("type: customers\nmatch: [email, shoe-size]\nfields: {email: A}"))
                .hasMessageContaining("'shoe-size' is not one of");
        assertThatThrownBy(() -> parse("type: customers\nfields: {email: {required: true}}"))
                .hasMessageContaining("needs a column or a default");
        assertThatThrownBy(() -> parse("- not\n- a map")).hasMessageContaining("a mapping is an object");
        assertThatThrownBy(() -> parse("type: [unclosed")).hasMessageContaining("not valid YAML or JSON");
        assertThatThrownBy(() -> MappingLoader.load("no-such-mapping")).hasMessageContaining("not a built-in mapping");
    }
}
