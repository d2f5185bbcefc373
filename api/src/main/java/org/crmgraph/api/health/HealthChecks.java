package org.crmgraph.api.health;

import java.time.Duration;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.cypher.ServerProbe;
import org.crmgraph.language.embedding.SentenceEmbedder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code neo4j} and {@code model} in {@code /actuator/health} and the readiness group, both answered from a cached
 * check ({@link CachedHealthCheck}): the database answers a query, the sentence model embeds a short text. Boot's own
 * Neo4j indicator, which queries on every call, is switched off in application.yaml.
 */
@Configuration(proxyBeanMethods = false)
class HealthChecks {

    private final Duration maxAge;
    private final Duration timeout;

    HealthChecks(
            @Value("${crm.health.max-age:10s}") Duration maxAge, @Value("${crm.health.timeout:5s}") Duration timeout) {
        this.maxAge = maxAge;
        this.timeout = timeout;
    }

    @Bean("neo4jHealthIndicator")
    CachedHealthCheck neo4j(CypherRunner cypher) {
        return new CachedHealthCheck(
                "neo4j",
                () -> {
                    long started = System.nanoTime();
                    String edition = ServerProbe.describe(cypher);
                    return Health.up()
                            .withDetail("server", edition)
                            .withDetail("millis", (System.nanoTime() - started) / 1_000_000)
                            .build();
                },
                maxAge,
                timeout);
    }

    @Bean("modelHealthIndicator")
    CachedHealthCheck model(SentenceEmbedder embedder) {
        CachedHealthCheck check = new CachedHealthCheck(
                "model",
                () -> {
                    if (!embedder.isLoaded()) {
                        // the API already answers; what needs the model waits for it, so not ready yet
                        return Health.outOfService()
                                .withDetail("model", embedder.description())
                                .withDetail("status", "loading")
                                .build();
                    }
                    long started = System.nanoTime();
                    int dimensions = embedder.embed("health check").length;
                    return Health.up()
                            .withDetail("model", embedder.description())
                            .withDetail("dimensions", dimensions)
                            .withDetail("millis", (System.nanoTime() - started) / 1_000_000)
                            .build();
                },
                maxAge,
                timeout);
        // ready as soon as the model is, not at the next periodic check
        embedder.whenLoaded(failure -> check.refreshInBackground());
        return check;
    }
}
