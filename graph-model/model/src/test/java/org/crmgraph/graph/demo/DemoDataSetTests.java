package org.crmgraph.graph.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoDataSetTests {

    @Test
    void theSameSeedGivesTheSameData() {
        assertThat(new DemoDataSet(42, 50).orders()).isEqualTo(new DemoDataSet(42, 50).orders());
        assertThat(new DemoDataSet(42, 50).customers()).isNotEqualTo(new DemoDataSet(7, 50).customers());
    }

    @Test
    void emailsAreUniqueAndAscii() {
        var customers = new DemoDataSet(42, 300).customers();
        assertThat(customers)
                .extracting(c -> c.get("email"))
                .doesNotHaveDuplicates()
                .allSatisfy(email -> assertThat((String) email).matches("[a-z.]+[0-9]+@example\\.com"));
    }
}
