package org.crmgraph.api.embedded;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import org.crmgraph.graph.cypher.InProcessReads;
import org.crmgraph.graph.cypher.InProcessWrites;
import org.crmgraph.graph.data.DataFolderProperties;
import org.crmgraph.graph.embedded.EmbeddedNeo4j;
import org.crmgraph.graph.embedded.EmbeddedNeo4jProperties;
import org.crmgraph.graph.embedded.EmbeddedTransactions;
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
 * exactly as it would to an external server, and writes go that way; reads that open their own transaction, and bulk
 * batches, may run inside this JVM instead ({@link #inProcessReads}, {@link #inProcessBatchWrites}), through the same
 * {@code CypherRunner} calls.
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
     * read cost went to Bolt on both sides of the loopback); writes keep going through the driver (but for an import's
     * batches, below), so transactions, bookmarks and the change log's guarantees stay the driver's.
     * {@code crm.embedded.in-process-reads=false} sends
     * reads over Bolt too, as with an external server.
     */
    @Bean
    @ConditionalOnProperty(name = "crm.embedded.in-process-reads", havingValue = "true", matchIfMissing = true)
    InProcessReads inProcessReads(EmbeddedNeo4j neo4j) {
        EmbeddedTransactions transactions = neo4j.transactions();
        return new InProcessReads() {
            @Override
            public <T> T inRead(Function<SimpleQueryRunner, T> work, @Nullable Duration timeout) {
                return transactions.inRead(work, timeout);
            }
        };
    }

    /**
     * Bulk batches (an import's: thousands of rows of parameters per statement) run inside this JVM too: over Bolt the
     * parameters were encoded, sent over the loopback and decoded again on the import's critical path. Only work that
     * touches the database through its own transaction goes this way ({@code CypherRunner.inBatchWrite}); every
     * other write keeps the driver. {@code crm.embedded.in-process-batch-writes=false} sends them over Bolt.
     */
    @Bean
    @ConditionalOnProperty(name = "crm.embedded.in-process-batch-writes", havingValue = "true", matchIfMissing = true)
    InProcessWrites inProcessBatchWrites(EmbeddedNeo4j neo4j) {
        EmbeddedTransactions transactions = neo4j.transactions();
        return new InProcessWrites() {
            @Override
            public <T> T inWrite(Function<SimpleQueryRunner, T> work, @Nullable Duration timeout) {
                return transactions.inWrite(work, timeout);
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
