package org.crmgraph.api.support;

import org.crmgraph.language.embedding.SentenceEmbedder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code model} in {@code /actuator/health} and the readiness group: the sentence model answers a short
 * text now. A broken native library or a closed model makes the instance unready, so a load balancer
 * sends support questions elsewhere instead of to an instance that would fail them.
 */
@Component
class ModelHealthIndicator implements HealthIndicator {

    private final SentenceEmbedder embedder;

    ModelHealthIndicator(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public Health health() {
        long started = System.nanoTime();
        try {
            int dimensions = embedder.embed("health check").length;
            return Health.up()
                    .withDetail("model", embedder.description())
                    .withDetail("dimensions", dimensions)
                    .withDetail("millis", (System.nanoTime() - started) / 1_000_000)
                    .build();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("model", embedder.description())
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
