package org.crmgraph.language.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EmbeddingModelConfigurationTests {

    @Test
    void aMissingModelStopsTheStartWithAMessageNamingIt() {
        new ApplicationContextRunner()
                .withUserConfiguration(EmbeddingModelConfiguration.class)
                .withPropertyValues(
                        "crm.support.model-location=target/no-such-model-folder",
                        "crm.support.model-cache-dir=target/djl-cache")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("no-such-model-folder")
                            .hasMessageContaining("does not exist");
                });
    }

    @Test
    void thresholdsThatContradictEachOtherAreRefused() {
        new ApplicationContextRunner()
                .withUserConfiguration(EmbeddingModelConfiguration.class)
                .withPropertyValues("crm.support.auto-reply-threshold=0.5", "crm.support.suggest-threshold=0.7")
                .run(
                        context -> assertThat(context.getStartupFailure())
                                .rootCause()
                                .hasMessageContaining(
                                        "crm.support.suggest-threshold (0.7) must not be above crm.support.auto-reply-threshold (0.5)"));
    }
}
