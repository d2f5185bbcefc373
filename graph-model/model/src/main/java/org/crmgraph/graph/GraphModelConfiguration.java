package org.crmgraph.graph;

import java.time.Duration;
import java.util.Set;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.data.DataFolderProperties;
import org.crmgraph.graph.lease.LeaseProperties;
import org.crmgraph.graph.money.MoneyProperties;
import org.crmgraph.graph.page.CursorKeys;
import org.crmgraph.graph.page.Pages;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.graph.schema.SchemaMigrations;
import org.neo4j.driver.Driver;
import org.neo4j.driver.NotificationClassification;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the graph over whatever driver the application provides (Boot's {@code spring.neo4j.*} settings, or the
 * embedded DBMS the application starts): one {@link CypherRunner} over Spring Data Neo4j's client and transaction
 * manager, and the schema migrations, applied before the service takes traffic.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    DataFolderProperties.class,
    PagingProperties.class,
    LeaseProperties.class,
    MoneyProperties.class
})
public class GraphModelConfiguration {

    /** Over the Neo4jClient, transaction manager and database selection that Boot's Spring Data Neo4j set up. */
    @Bean
    CypherRunner cypherRunner(
            Neo4jClient client,
            PlatformTransactionManager transactionManager,
            Driver driver,
            DatabaseSelectionProvider databases,
            @Value("${spring.neo4j.max-transaction-retry-time:30s}") Duration retryFor,
            org.springframework.beans.factory.ObjectProvider<org.crmgraph.graph.cypher.InProcessReads> inProcess,
            org.springframework.beans.factory.ObjectProvider<org.crmgraph.graph.cypher.InProcessWrites> batchWrites) {
        return new CypherRunner(
                client,
                transactionManager,
                driver,
                databases,
                retryFor,
                inProcess.getIfAvailable(),
                batchWrites.getIfAvailable());
    }

    /**
     * The server need not tell us, on every read of a property that some nodes lack (analytics scores before the
     * first refresh, embeddings before the first pass), that the property does not exist yet: computing, sending and
     * screening those notifications is work on every request. Performance, deprecation and the other
     * classifications still arrive (and Spring Data Neo4j logs them).
     */
    @Bean
    ConfigBuilderCustomizer noUnrecognizedNotifications() {
        return config ->
                config.withDisabledNotificationClassifications(Set.of(NotificationClassification.UNRECOGNIZED));
    }

    /** Paging for every list, with cursors sealed by the configured secret or the key kept in the graph. */
    @Bean
    Pages pages(PagingProperties properties, CypherRunner cypher, SchemaMigrations migrations) {
        return new Pages(properties, CursorKeys.seal(properties, cypher));
    }

    // eager even when a command line context initialises lazily: nothing may write before the schema is there
    @Bean
    @Lazy(false)
    SchemaMigrations schemaMigrations(CypherRunner cypher) {
        SchemaMigrations migrations = new SchemaMigrations(cypher);
        migrations.apply();
        return migrations;
    }
}
