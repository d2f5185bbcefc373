package org.crmgraph.api.startup;

import org.crmgraph.graph.demo.DemoDataLoader;
import org.crmgraph.graph.embedded.EmbeddedNeo4j;
import org.crmgraph.graph.schema.SchemaMigrations;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoDataProperties.class)
class StartupConfiguration {

    /**
     * Loads demo data into an empty embedded graph while the context starts, after the schema migrations and before
     * the web server takes its first request, so nobody sees a half-empty demo graph. The loader announces it
     * ({@code DemoDataLoaded}); analytics and language follow up on their own (refresh, embedding, a first classifier).
     */
    @Bean
    InitializingBean demoData(
            DemoDataProperties properties,
            ObjectProvider<EmbeddedNeo4j> embedded,
            SchemaMigrations migrationsApplied,
            DemoDataLoader loader) {
        return () -> {
            if (properties.enabled() && embedded.getIfAvailable() != null) {
                loader.loadIfEmpty(properties.customers());
            }
        };
    }

    @Bean
    StartupReport startupReport(ObjectProvider<EmbeddedNeo4j> embedded) {
        return new StartupReport(embedded);
    }
}
