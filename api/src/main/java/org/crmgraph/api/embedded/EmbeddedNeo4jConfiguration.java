package org.crmgraph.api.embedded;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import org.crmgraph.graph.cypher.InProcessReads;
import org.crmgraph.graph.data.DataFolderProperties;
import org.crmgraph.graph.embedded.EmbeddedNeo4j;
import org.crmgraph.graph.embedded.EmbeddedNeo4jProperties;
import org.crmgraph.graph.embedded.EmbeddedReads;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.SimpleQueryRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded DBMS, started when no {@code spring.neo4j.uri} is configured. Boot's driver connects to it over Bolt
 * exactly as it would to an external server, and every write goes that way; reads that open their own transaction may
 * run inside this JVM instead ({@link #inProcessReads}), through the same {@code CypherRunner} calls.
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

    /**
     * Reads that open their own transaction run inside this JVM, without Bolt (about a quarter of the CPU a GraphQL
     * read cost went to Bolt on both sides of the loopback); writes keep going through the driver, so transactions,
     * bookmarks and the change log's guarantees stay the driver's. {@code crm.embedded.in-process-reads=false} sends
     * reads over Bolt too, as with an external server.
     */
    @Bean
    @ConditionalOnProperty(name = "crm.embedded.in-process-reads", havingValue = "true", matchIfMissing = true)
    InProcessReads inProcessReads(EmbeddedNeo4j neo4j) {
        EmbeddedReads reads = neo4j.reads();
        return new InProcessReads() {
            @Override
            public <T> T inRead(Function<SimpleQueryRunner, T> work, @Nullable Duration timeout) {
                return reads.inRead(work, timeout);
            }
        };
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
