package org.crmgraph.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GdsUnavailableTests {

    @Test
    void aMissingGdsProcedureOrFunctionIsRecognisedAndExplained() {
        var procedure =
                new RuntimeException("There is no procedure with the name `gds.nodeSimilarity.stream` registered "
                        + "for this database instance. Please ensure you've spelled the procedure name correctly.");
        var function = new RuntimeException("wrapped", new RuntimeException("Unknown function 'gds.graph.project'"));
        assertThat(GdsUnavailableException.isMissingGds(procedure)).isTrue();
        assertThat(GdsUnavailableException.isMissingGds(function)).isTrue();
        assertThat(GdsUnavailableException.isMissingGds(
                        new RuntimeException("There is no procedure with the name `db.foo`")))
                .isFalse();
        assertThat(new GdsUnavailableException(procedure).getMessage())
                .contains("crm.embedded.gds=true", "GDS plugin", "gds.nodeSimilarity.stream")
                .doesNotContain("Please ensure");
    }
}
