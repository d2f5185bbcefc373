package org.crmgraph.graph;

import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.data.DataFolderProperties;
import org.crmgraph.graph.lease.LeaseProperties;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.graph.schema.SchemaMigrations;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Wires the graph over whatever driver the application provides (Boot's {@code spring.neo4j.*} settings, or the
 * embedded DBMS the application starts): one {@link CypherRunner} over the driver and the schema migrations,
 * applied before the service takes traffic.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DataFolderProperties.class, PagingProperties.class, LeaseProperties.class})
public class GraphModelConfiguration {

    @Bean
    CypherRunner cypherRunner(Driver driver, @Value("${spring.data.neo4j.database:}") String database) {
        return new CypherRunner(driver, database);
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
