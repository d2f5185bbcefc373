package org.crmgraph.api.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(DateTimeScalar.INSTANCE);
    }

    @Bean
    RootCauseErrorsInstrumentation rootCauseErrorsInstrumentation() {
        return new RootCauseErrorsInstrumentation();
    }
}
