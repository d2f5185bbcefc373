package org.crmgraph.api.startup;

import org.crmgraph.api.analytics.RefreshAfterImport;
import org.crmgraph.api.support.FirstClassifier;
import org.crmgraph.graph.demo.DemoDataLoader;
import org.crmgraph.graph.embedded.EmbeddedNeo4j;
import org.crmgraph.graph.embedded.EmbeddedNeo4jProperties;
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
     * Loads demo data while the context starts, after the schema migrations and before the web
     * server takes its first request, so nobody sees a half-empty demo graph. When it loads, an
     * analytics refresh follows in the background (with GDS on), so a new user finds segments,
     * communities, recommendations and churn scores without asking for them, and a first ticket classifier is
     * trained on the demo tickets.
     */
    @Bean
    InitializingBean demoData(DemoDataProperties properties, ObjectProvider<EmbeddedNeo4j> embedded,
                              SchemaMigrations migrationsApplied, DemoDataLoader loader, ObjectProvider<EmbeddedNeo4jProperties> embeddedSettings,
                              RefreshAfterImport analytics, FirstClassifier classifier) {
        return () -> {
            if (properties.isEnabled() && embedded.getIfAvailable() != null && loader.loadIfEmpty(properties.getCustomers())) {
                if (embeddedSettings.getObject().gds()) {
                    analytics.schedule();
                }
                classifier.schedule();
            }
        };
    }

    @Bean
    StartupReport startupReport(ObjectProvider<EmbeddedNeo4j> embedded) {
        return new StartupReport(embedded);
    }
}
