package org.crmgraph.graph;

import java.net.URI;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.embedded.CrmDataProperties;
import org.crmgraph.graph.embedded.EmbeddedNeo4j;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.graph.schema.SchemaMigrations;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the graph: an embedded DBMS when no {@code spring.neo4j.uri} is configured, otherwise
 * Boot's driver settings for an external server or cluster; then one {@link CypherRunner} over the
 * driver and the schema migrations, applied before the service takes traffic.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CrmDataProperties.class, PagingProperties.class})
public class GraphModelConfiguration {

    @Bean
    CypherRunner cypherRunner(Driver driver, @Value("${spring.data.neo4j.database:}") String database) {
        return new CypherRunner(driver, database);
    }

    @Bean
    SchemaMigrations schemaMigrations(CypherRunner cypher) {
        SchemaMigrations migrations = new SchemaMigrations(cypher);
        migrations.apply();
        return migrations;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${spring.neo4j.uri:}'.isEmpty()")
    static class EmbeddedNeo4jConfiguration {

        // Shut down after the driver: Spring destroys dependants first, and the driver depends on these details.
        @Bean(destroyMethod = "close")
        EmbeddedNeo4j embeddedNeo4j(CrmDataProperties properties) {
            return EmbeddedNeo4j.start(properties);
        }

        @Bean
        Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j neo4j) {
            return new Neo4jConnectionDetails() {
                @Override
                public URI getUri() {
                    return neo4j.boltUri();
                }

                @Override
                public AuthToken getAuthToken() {
                    return neo4j.authToken();
                }
            };
        }
    }
}
