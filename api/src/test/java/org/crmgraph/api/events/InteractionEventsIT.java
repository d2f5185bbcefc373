package org.crmgraph.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.crmgraph.api.FixtureGraphTest;
import org.crmgraph.graph.outbox.Outbox;
import org.crmgraph.graph.security.ApiKeyStore;
import org.crmgraph.graph.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code interactionEvents}: a touchpoint recorded through the API is a change event (it was not before), filtered by
 * customer and channel, masked for the subscriber's role.
 */
class InteractionEventsIT extends FixtureGraphTest {

    private static final String RECORD = """
            mutation($channel: Channel!, $text: String) {
              recordInteraction(input: {customerId: "c1", channel: $channel, type: "chat_message", text: $text}) {
                interaction { id } errors { code } } }""";

    @LocalServerPort
    int port;

    @Autowired
    ApiKeyStore keys;

    @Autowired
    Outbox outbox;

    private String record(String channel, String text) {
        return graphQl.document(RECORD)
                .variable("channel", channel)
                .variable("text", text)
                .execute()
                .path("recordInteraction.interaction.id")
                .entity(String.class)
                .get();
    }

    @Test
    void aRecordedTouchpointReachesASubscriberOfItsChannelMaskedForItsRole() {
        var readOnly = Subscribers.client(
                port, keys.create("touchpoints", Role.READ_ONLY, "test").secret());
        var received = readOnly.document("""
                        subscription($after: ID) {
                          interactionEvents(after: $after, customerId: "c1", channels: [CHAT]) {
                            type interactionId customerId actor interaction { id channel text } } }""")
                .variable("after", String.valueOf(outbox.head()))
                .executeSubscription()
                .map(response -> response.field("interactionEvents")
                        .toEntity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {}))
                .take(1)
                .replay(1);
        received.connect();

        record("EMAIL", "Not on the channel asked for");
        String chat = record("CHAT", "Write to me at alice.archer@example.com please");

        Map<String, Object> event = received.blockFirst(Duration.ofSeconds(15));
        assertThat(event)
                .containsEntry("type", "RECORDED")
                .containsEntry("interactionId", chat)
                .containsEntry("customerId", "c1");
        assertThat((String) event.get("actor")).contains("key:");
        @SuppressWarnings("unchecked")
        Map<String, Object> interaction = (Map<String, Object>) event.get("interaction");
        assertThat(interaction).containsEntry("id", chat).containsEntry("channel", "CHAT");
        assertThat((String) interaction.get("text"))
                .as("free text masked for READ_ONLY like a query")
                .doesNotContain("alice.archer@example.com");
        readOnly.stop().block();

        long events = cypher.read(
                        "MATCH (e:ChangeEvent {type: 'INTERACTION_RECORDED'}) WHERE e.entityId IN $ids RETURN count(e)",
                        Map.of("ids", List.of(chat)),
                        r -> r.get(0).asLong())
                .getFirst();
        assertThat(events).as("recordInteraction writes its change event").isEqualTo(1);
    }
}
