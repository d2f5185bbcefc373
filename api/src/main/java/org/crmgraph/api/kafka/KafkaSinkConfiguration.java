package org.crmgraph.api.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crmgraph.api.events.ChangeEventJson;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.outbox.ChangeLogCursors;
import org.crmgraph.graph.outbox.Outbox;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The Kafka sink's beans, made only with {@code crm.kafka.enabled=true}: a service without Kafka starts no producer and
 * opens no connection. The producer is idempotent and waits for every in-sync replica, so a retried send neither
 * duplicates nor reorders a partition's records.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaSinkProperties.class)
@ConditionalOnBooleanProperty("crm.kafka.enabled")
class KafkaSinkConfiguration {

    // a bean, so the context closes its producer (a producer left open keeps reconnecting to brokers that are gone)
    @Bean
    DefaultKafkaProducerFactory<String, String> changeEventProducers(KafkaSinkProperties properties) {
        Map<String, Object> settings = new HashMap<>(properties.producer());
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "crm-graph-change-log");
        return new DefaultKafkaProducerFactory<>(settings);
    }

    @Bean
    KafkaTemplate<String, String> changeEventTemplate(
            DefaultKafkaProducerFactory<String, String> changeEventProducers) {
        return new KafkaTemplate<>(changeEventProducers);
    }

    @Bean
    KafkaChangeSink kafkaChangeSink(
            CypherRunner cypher,
            Outbox outbox,
            ChangeLogCursors cursors,
            ChangeEventJson json,
            KafkaTemplate<String, String> changeEventTemplate,
            KafkaSinkProperties properties) {
        return new KafkaChangeSink(cypher, outbox, cursors, json, changeEventTemplate, properties);
    }
}
