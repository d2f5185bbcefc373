package org.crmgraph.graph.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecksTests {

    @Test
    void normalisesWhatItAccepts() {
        var checks = new Checks();
        assertThat(checks.email("email", "  Jane.Doe@Example.ORG ", true)).isEqualTo("jane.doe@example.org");
        assertThat(checks.phone("phone", "0044 (20) 7946-0958")).isEqualTo("+442079460958");
        assertThat(checks.text("name", "  Jane \t  Doe ", 50, true)).isEqualTo("Jane Doe");
        assertThat(checks.country("country", "United Kingdom")).isEqualTo("GB");
        assertThat(checks.country("country", "deu")).isEqualTo("DE");
        assertThat(checks.country("country", "EIRE")).isEqualTo("IE");
        assertThat(checks.ok()).isTrue();
    }

    @Test
    void collectsEveryErrorWithItsFieldAndCode() {
        var checks = new Checks();
        checks.email("email", "jane@", false);
        checks.phone("phone", "12");
        checks.country("country", "Narnia");
        checks.text("name", "", 10, true);
        checks.text("city", "x".repeat(11), 10, false);
        checks.code("sku", "A B", 10, true);
        checks.positive("lines.0.quantity", 0);
        checks.nonNegative("price", Double.NaN, true);
        assertThat(checks.errors())
                .extracting(FieldError::code)
                .containsExactly(
                        ErrorCode.INVALID_FORMAT,
                        ErrorCode.INVALID_FORMAT,
                        ErrorCode.INVALID_FORMAT,
                        ErrorCode.REQUIRED,
                        ErrorCode.TOO_LONG,
                        ErrorCode.INVALID_FORMAT,
                        ErrorCode.OUT_OF_RANGE,
                        ErrorCode.OUT_OF_RANGE);
        assertThat(checks.errors().get(6).field()).containsExactly("lines", "0", "quantity");
    }

    @Test
    void absentOptionalValuesAreNotErrors() {
        var checks = new Checks();
        assertThat(checks.email("email", null, false)).isNull();
        assertThat(checks.phone("phone", "  ")).isNull();
        assertThat(checks.country("country", null)).isNull();
        assertThat(checks.ok()).isTrue();
    }

    @Test
    void phonesAreStoredInTheSameE164FormTheImportUses() {
        var checks = new Checks();
        assertThat(checks.phone("phone", "+49 (30) 1234-5678"))
                .isEqualTo(Phones.toE164("030 1234 5678", "DE").orElseThrow());
        // without its country prefix a number is ambiguous, so the API refuses it
        assertThat(checks.phone("phone", "020 7946 0958")).isNull();
        assertThat(checks.errors()).extracting(FieldError::code).containsExactly(ErrorCode.INVALID_FORMAT);
    }
}
