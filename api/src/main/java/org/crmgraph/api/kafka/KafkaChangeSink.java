package org.crmgraph.api.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.crmgraph.api.events.ChangeEventJson;
import org.crmgraph.graph.background.BackgroundLoop;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.outbox.ChangeEvent;
import org.crmgraph.graph.outbox.ChangeLogAdvanced;
import org.crmgraph.graph.outbox.ChangeLogCursors;
import org.crmgraph.graph.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the change log to a Kafka topic, for systems that consume Kafka rather than webhooks: every event, as the
 * JSON a webhook gets ({@link ChangeEventJson}), keyed by its entity's id, with headers {@code crm-event-id} (its
 * position) and {@code crm-event-type}.
 *
 * <p>It follows the log with its own cursor ({@value #CURSOR}). A round takes the cursor in a transaction (its lock
 * makes other instances' sinks wait), sends the batch, waits until the brokers acknowledged every record, and only then
 * moves the cursor and commits: an event is published at least once, and in normal operation once, by whichever
 * instance held the cursor. A round the brokers refused or a process killed mid-round leaves the cursor where it was,
 * and the batch is sent again (a consumer drops repeats by {@code crm-event-id}).
 */
public class KafkaChangeSink implements SmartLifecycle {

    static final String CURSOR = "kafka";
    private static final Logger log = LoggerFactory.getLogger(KafkaChangeSink.class);

    private final CypherRunner cypher;
    private final Outbox outbox;
    private final ChangeLogCursors cursors;
    private final ChangeEventJson json;
    private final KafkaTemplate<String, String> kafka;
    private final KafkaSinkProperties properties;
    private final BackgroundLoop loop;

    KafkaChangeSink(
            CypherRunner cypher,
            Outbox outbox,
            ChangeLogCursors cursors,
            ChangeEventJson json,
            KafkaTemplate<String, String> kafka,
            KafkaSinkProperties properties) {
        this.cypher = cypher;
        this.outbox = outbox;
        this.cursors = cursors;
        this.json = json;
        this.kafka = kafka;
        this.properties = properties;
        this.loop = new BackgroundLoop(
                "kafka-change-sink", this::publishRound, properties.pollInterval(), Duration.ZERO, log);
    }

    /**
     * Publishes the next batch of events; how many (0 when the sink is at the log's head).
     *
     * @throws KafkaSinkException when the brokers did not acknowledge the batch in time: nothing moved
     */
    public int publishNext() {
        if (!cursors.behind(CURSOR)) {
            return 0;
        }
        return cypher.inWrite(tx -> {
            long position = cursors.take(tx, CURSOR);
            List<ChangeEvent> batch = outbox.after(tx, position, properties.batch());
            if (batch.isEmpty()) {
                return 0;
            }
            send(batch);
            cursors.move(tx, CURSOR, batch.getLast().position());
            return batch.size();
        });
    }

    private void send(List<ChangeEvent> batch) {
        List<CompletableFuture<?>> sent = new ArrayList<>(batch.size());
        for (ChangeEvent change : batch) {
            var record = new ProducerRecord<String, String>(
                    properties.topic(), change.event().entityId(), json.write(change));
            record.headers()
                    .add("crm-event-id", Long.toString(change.position()).getBytes(StandardCharsets.UTF_8))
                    .add("crm-event-type", change.event().type().getBytes(StandardCharsets.UTF_8));
            try {
                sent.add(kafka.send(record));
            } catch (org.apache.kafka.common.KafkaException | org.springframework.kafka.KafkaException e) {
                // no metadata for the topic within max.block.ms: the brokers are away
                throw new KafkaSinkException("the brokers did not take event " + change.position() + ": " + e, e);
            }
        }
        kafka.flush();
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaSinkException("interrupted while waiting for the brokers", e);
        } catch (ExecutionException e) {
            throw new KafkaSinkException("the brokers refused a record: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaSinkException("the brokers did not acknowledge within " + properties.sendTimeout(), e);
        }
    }

    /** Events committed on this instance were numbered: publish now rather than at the next poll. */
    @EventListener
    void committedHere(ChangeLogAdvanced advanced) {
        loop.wake();
    }

    @Override
    public void start() {
        loop.start(Duration.ZERO);
    }

    @Override
    public void stop() {
        loop.stop(Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    // with the change log's other consumers: stops after the web server and before the database goes
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }

    // a full batch means a backlog: the next round at once. A failed round (brokers or database away, or another
    // instance holding the cursor) leaves the batch for the next
    private Duration publishRound() {
        return publishNext() == properties.batch() ? Duration.ZERO : properties.pollInterval();
    }

    /** The brokers did not take a batch; the cursor did not move. */
    public static class KafkaSinkException extends RuntimeException {
        KafkaSinkException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
