package org.crmgraph.api.graphql;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CrmGraphQlProperties.class)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(DateTimeScalar.INSTANCE).scalar(DecimalScalar.INSTANCE);
    }

    @Bean
    RootCauseErrorsInstrumentation rootCauseErrorsInstrumentation() {
        return new RootCauseErrorsInstrumentation();
    }

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCache(CrmGraphQlProperties properties) {
        int capacity = properties.documentCacheSize();
        return builder -> {
            if (capacity > 0) {
                var cache = new ParsedDocumentCache(capacity, properties.documentCacheBytes());
                builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
            }
        };
    }
}
