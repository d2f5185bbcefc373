package org.crmgraph.api.embedded;

import java.net.URI;
import org.crmgraph.graph.data.DataFolderProperties;
import org.crmgraph.graph.embedded.EmbeddedNeo4j;
import org.crmgraph.graph.embedded.EmbeddedNeo4jProperties;
import org.neo4j.driver.AuthToken;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded DBMS, started when no {@code spring.neo4j.uri} is configured. Boot's driver then connects to it over
 * Bolt exactly as it would to an external server, so nothing below the application knows it is embedded.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.neo4j.uri:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedNeo4jProperties.class)
public class EmbeddedNeo4jConfiguration {

    // Shut down after the driver: Spring destroys dependants first, and the driver depends on these details.
    @Bean(destroyMethod = "close")
    EmbeddedNeo4j embeddedNeo4j(DataFolderProperties data, EmbeddedNeo4jProperties properties) {
        return EmbeddedNeo4j.start(data.dataDir(), properties);
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
