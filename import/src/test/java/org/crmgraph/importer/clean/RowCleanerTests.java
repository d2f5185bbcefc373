package org.crmgraph.importer.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.crmgraph.importer.mapping.Field;
import org.crmgraph.importer.mapping.ImportMapping;
import org.crmgraph.importer.mapping.MappingLoader;
import org.crmgraph.importer.read.SourceRow;
import org.junit.jupiter.api.Test;

class RowCleanerTests {

    private static final ImportMapping RETAIL = MappingLoader.builtIn("online-retail");
    private static final ImportMapping PEOPLE =
            MappingLoader.parse(new ByteArrayInputStream("""
            type: customers
            source: crm
            defaultCountry: DE
            fields:
              customerId: id
              name: name
              email: {column: email, invalid: drop}
              phone: {column: phone, invalid: drop}
              country: {column: country, invalid: drop}
              updatedAt: {column: at, formats: ["dd.MM.yyyy HH:mm", "M/d/yyyy"]}
            """.getBytes(StandardCharsets.UTF_8)), "people");

    private record Row(long line, Map<String, String> values) implements SourceRow {
        @Override
        public String get(String column) {
            return values.get(column);
        }

        @Override
        public long fingerprint() {
            return values.hashCode();
        }
    }

    private static Row retail(String invoice, String sku, String quantity, String price, String customer) {
        Map<String, String> values = new HashMap<>(Map.of(
                "InvoiceNo",
                invoice,
                "StockCode",
                sku,
                "Description",
                "WHITE  HANGING HEART T-LIGHT HOLDER ",
                "Quantity",
                quantity,
                "InvoiceDate",
                "2010-12-01 08:26:00",
                "UnitPrice",
                price,
                "Country",
                "EIRE"));
        values.put("CustomerID", customer);
        return new Row(7, values);
    }

    @Test
    void cleansAnOnlineRetailLine() {
        RowResult result = new RowCleaner(RETAIL).clean(retail("536365", "85123a", "6", "2.55", "17850.0"));
        CleanRow row = result.row();
        assertThat(row.text(Field.ORDER_ID)).isEqualTo("536365");
        assertThat(row.text(Field.SKU)).isEqualTo("85123A");
        assertThat(row.text(Field.PRODUCT_NAME)).isEqualTo("White Hanging Heart T-Light Holder");
        assertThat(row.number(Field.QUANTITY)).isEqualTo(6L);
        assertThat(row.decimal(Field.UNIT_PRICE)).isEqualTo(2.55);
        assertThat(row.text(Field.CUSTOMER_ID)).isEqualTo("17850");
        assertThat(row.text(Field.COUNTRY)).isEqualTo("IE");
        assertThat(row.text(Field.CHANNEL)).isEqualTo("WEB");
        assertThat(row.time(Field.PLACED_AT)).isEqualTo(OffsetDateTime.parse("2010-12-01T08:26:00Z"));
        assertThat(row.cancellation()).isFalse();
    }

    @Test
    void appliesTheSourcesMeaningOfQuantitiesAndCodes() {
        var cleaner = new RowCleaner(RETAIL);
        CleanRow cancellation = cleaner.clean(retail("C536383", "35004C", "-3", "4.65", "15311.0"))
                .row();
        assertThat(cancellation.cancellation()).isTrue();
        assertThat(cancellation.number(Field.QUANTITY)).isEqualTo(3L);

        assertThat(reason(cleaner.clean(retail("536370", "POST", "3", "18.0", "12583.0"))))
                .contains("not a product");
        assertThat(reason(cleaner.clean(retail("536999", "22556", "-12", "0", ""))))
                .contains("stock adjustment");
        assertThat(reason(cleaner.clean(retail("A563185", "B", "1", "-11062.06", ""))))
                .contains("not a product");
        assertThat(reason(cleaner.clean(retail("563185", "22556", "1", "-1.0", ""))))
                .contains("negative unit price");
        assertThat(reason(cleaner.clean(retail("563186", "22556", "1.5", "1.0", ""))))
                .contains("not a whole number");
        assertThat(reason(cleaner.clean(retail("563187", "22556", "", "1.0", ""))))
                .contains("required quantity is empty");
        // a guest checkout keeps its order, without a customer
        assertThat(cleaner.clean(retail("536544", "21773", "1", "2.51", ""))
                        .row()
                        .has(Field.CUSTOMER_ID))
                .isFalse();
    }

    private static String reason(RowResult result) {
        assertThat(result.rejected()).isTrue();
        return result.entries().getFirst().reason();
    }

    @Test
    void standardisesContactDetailsAndDropsWhatItCannotRead() {
        var cleaner = new RowCleaner(PEOPLE);
        RowResult result = cleaner.clean(new Row(
                2,
                Map.of(
                        "id",
                        "42",
                        "name",
                        "  mary-jane   o'neil ",
                        "email",
                        "  Mary.ONeil@Example.COM",
                        "phone",
                        "030 1234567",
                        "country",
                        "Deutschland",
                        "at",
                        "31.03.2024 02:30")));
        CleanRow row = result.row();
        assertThat(row.text(Field.NAME)).isEqualTo("Mary-Jane O'neil");
        assertThat(row.text(Field.EMAIL)).isEqualTo("mary.oneil@example.com");
        assertThat(row.text(Field.PHONE)).isEqualTo("+49301234567");
        assertThat(result.entries()).extracting(ReportEntry::column).containsExactly("country");
        // the mapping's zone is UTC: 02:30 is read as 02:30Z
        assertThat(row.time(Field.UPDATED_AT)).isEqualTo(OffsetDateTime.parse("2024-03-31T02:30:00Z"));

        RowResult bad = cleaner.clean(new Row(
                3,
                Map.of(
                        "id",
                        "43",
                        "name",
                        "McDonald",
                        "email",
                        "no-at-sign",
                        "phone",
                        "12",
                        "country",
                        "FR",
                        "at",
                        "3/4/2024")));
        assertThat(bad.rejected()).isFalse();
        assertThat(bad.row().text(Field.NAME)).isEqualTo("McDonald");
        assertThat(bad.entries()).extracting(ReportEntry::column).containsExactly("email", "phone");
        assertThat(bad.entries()).allMatch(entry -> entry.action() == ReportEntry.Action.VALUE_DROPPED);
        assertThat(bad.row().time(Field.UPDATED_AT)).isEqualTo(OffsetDateTime.parse("2024-03-04T00:00:00Z"));

        RowResult nobody = cleaner.clean(new Row(4, Map.of("name", "Ghost", "email", "broken@")));
        assertThat(nobody.rejected()).isTrue();
    }

    @Test
    void readsNumbersWrittenInEitherConvention() {
        assertThat(FieldCleaner.decimal("1,234.50")).isEqualTo(Cleaned.of(1234.5));
        assertThat(FieldCleaner.decimal("1.234,50")).isEqualTo(Cleaned.of(1234.5));
        assertThat(FieldCleaner.decimal("2,55")).isEqualTo(Cleaned.of(2.55));
        assertThat(FieldCleaner.decimal("1,234")).isEqualTo(Cleaned.of(1234.0));
        assertThat(FieldCleaner.decimal("17850.0")).isEqualTo(Cleaned.of(17850.0));
        assertThat(FieldCleaner.decimal("12 abc")).isInstanceOf(Cleaned.Invalid.class);
    }
}
