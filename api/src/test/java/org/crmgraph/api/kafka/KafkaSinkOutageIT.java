package org.crmgraph.api.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.crmgraph.api.FixtureGraphTest;
import org.crmgraph.api.events.ChangeEventJson;
import org.crmgraph.graph.customer.CustomerInput;
import org.crmgraph.graph.customer.CustomerService;
import org.crmgraph.graph.outbox.ChangeLogCursors;
import org.crmgraph.graph.outbox.Outbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sink with its brokers away: a round fails before its cursor moves, so the events stay for the next round (the
 * publishing side is tested against an embedded broker in {@code TwoInstancesIT}).
 */
class KafkaSinkOutageIT extends FixtureGraphTest {

    @Autowired
    Outbox outbox;

    @Autowired
    ChangeLogCursors cursors;

    @Autowired
    ChangeEventJson json;

    @Autowired
    CustomerService customers;

    @Test
    void brokersThatAreAwayLeaveTheCursorWhereItWasAndTheEventsInTheLog() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var properties = new KafkaSinkProperties(
                true,
                "127.0.0.1:" + closedPort,
                "crm.changes",
                Duration.ofMillis(200),
                500,
                Duration.ofSeconds(2),
                // how long a send waits for the topic's metadata before it fails
                Map.of("max.block.ms", "1000"));
        var configuration = new KafkaSinkConfiguration();
        var producers = configuration.changeEventProducers(properties);
        var template = configuration.changeEventTemplate(producers);
        var sink = new KafkaChangeSink(cypher, outbox, cursors, json, template, properties);
        try {
            assertThat(sink.publishNext())
                    .as("the first round makes the cursor at the head")
                    .isZero();
            long before = position();
            customers.create(new CustomerInput("Kept for later", "later@example.com", null, null, null));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox.head() > before);

            assertThatThrownBy(sink::publishNext)
                    .isInstanceOf(KafkaChangeSink.KafkaSinkException.class)
                    .hasMessageContaining("brokers");
            assertThat(position()).as("the cursor did not move").isEqualTo(before);
            assertThat(outbox.after(before, 10))
                    .as("the event is still in the log")
                    .isNotEmpty();
            assertThat(cursors.behind(KafkaChangeSink.CURSOR)).isTrue();
        } finally {
            template.destroy();
            producers.destroy();
        }
    }

    private long position() {
        return cypher.read(
                        "MATCH (c:ChangeLogCursor {name: $name}) RETURN c.position AS position",
                        Map.of("name", KafkaChangeSink.CURSOR),
                        r -> r.get("position").asLong())
                .getFirst();
    }
}
