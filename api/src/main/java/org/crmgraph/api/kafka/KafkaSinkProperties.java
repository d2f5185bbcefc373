package org.crmgraph.api.kafka;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional Kafka sink of the change log ({@code crm.kafka.*}).
 *
 * @param enabled          publish every change event to {@link #topic}; off by default, and then no producer exists
 * @param bootstrapServers the brokers, {@code host:port[,host:port...]}
 * @param topic            where events go, keyed by the entity's id (one entity's events stay in order on one
 *                         partition); the topic is expected to exist, or the brokers to create it
 * @param pollInterval     how often the sink looks for events committed on other instances, and the wait after the
 *                         brokers refused a batch (its own instance's commits wake it at once)
 * @param batch            most events published in one round, one database transaction and one flush
 * @param sendTimeout      how long a round waits for the brokers' acknowledgements before it gives the batch back
 *                         (the cursor does not move; the batch is sent again)
 * @param producer         further Kafka producer settings (security, compression, ...) passed as they are
 */
@ConfigurationProperties(prefix = "crm.kafka")
public record KafkaSinkProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("localhost:9092") String bootstrapServers,
        @DefaultValue("crm.changes") String topic,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("500") int batch,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue Map<String, String> producer) {

    public KafkaSinkProperties {
        if (batch < 1) {
            throw new IllegalArgumentException("crm.kafka.batch must be at least 1, not " + batch);
        }
        if (topic.isBlank()) {
            throw new IllegalArgumentException("crm.kafka.topic must not be blank");
        }
    }
}
