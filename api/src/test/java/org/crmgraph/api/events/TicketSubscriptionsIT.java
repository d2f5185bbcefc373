package org.crmgraph.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.crmgraph.api.FixtureGraphTest;
import org.crmgraph.graph.security.ApiKeyStore;
import org.crmgraph.graph.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code ticketEvents} over WebSocket ({@code graphql-transport-ws}): events of committed changes only, masked for the
 * subscriber's role, resumable from a position, and refused without credentials.
 */
class TicketSubscriptionsIT extends FixtureGraphTest {

    private static final String SUBSCRIPTION = """
            subscription($after: ID, $status: [TicketStatus!]) { ticketEvents(after: $after, status: $status) {
              position type changedFields actor ticket { id subject status customer { name } } } }""";
    private static final String OPEN = """
            mutation($subject: String!) { openTicket(input: {customerId: "c1", subject: $subject, body: "Call me on +44 20 7946 0958"}) {
              ticket { id } errors { code } } }""";

    @LocalServerPort
    int port;

    @Autowired
    ApiKeyStore keys;

    @Autowired
    org.crmgraph.graph.outbox.Outbox outbox;

    @Autowired
    SharedSubscriptions shared;

    @Autowired
    ChangeFeed feed;

    /**
     * Where the log is now: subscribing "after" it gets every later event even when the write commits before the
     * WebSocket handshake is done (the subscription then starts with the replay), so no test waits on a guess.
     */
    private String now() {
        return String.valueOf(outbox.head());
    }

    private WebSocketGraphQlClient client(Role role) {
        return Subscribers.client(
                port, keys.create("subscriber " + role, role, "test").secret());
    }

    private static Flux<Map<String, Object>> events(WebSocketGraphQlClient client, String after) {
        return client.document(SUBSCRIPTION)
                .variable("after", after)
                .executeSubscription()
                .map(ClientGraphQlResponse::getData)
                .map(data -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> event = (Map<String, Object>) ((Map<String, Object>) data).get("ticketEvents");
                    return event;
                });
    }

    private String open(String subject) {
        return graphQl.document(OPEN)
                .variable("subject", subject)
                .execute()
                .path("openTicket.ticket.id")
                .entity(String.class)
                .get();
    }

    @Test
    void aSubscriberReceivesTheOpenedEventOfATicketOpenedAfterItSubscribed() {
        WebSocketGraphQlClient agent = client(Role.AGENT);
        var received = events(agent, now()).take(1).replay(1);
        received.connect();
        String id = open("Subscribed ticket");
        Map<String, Object> event = received.blockFirst(Duration.ofSeconds(10));
        assertThat(event).containsEntry("type", "OPENED");
        @SuppressWarnings("unchecked")
        Map<String, Object> ticket = (Map<String, Object>) event.get("ticket");
        assertThat(ticket).containsEntry("id", id).containsEntry("subject", "Subscribed ticket");
        assertThat((String) event.get("actor")).contains("key:");
        agent.stop().block();
    }

    @Test
    void aReadOnlySubscriberSeesTheTicketMaskedLikeAQuery() {
        WebSocketGraphQlClient readOnly = client(Role.READ_ONLY);
        var received = events(readOnly, now()).take(1).replay(1);
        received.connect();
        open("Masked ticket");
        Map<String, Object> event = received.blockFirst(Duration.ofSeconds(10));
        @SuppressWarnings("unchecked")
        Map<String, Object> ticket = (Map<String, Object>) event.get("ticket");
        @SuppressWarnings("unchecked")
        Map<String, Object> customer = (Map<String, Object>) ticket.get("customer");
        assertThat(customer.get("name")).isEqualTo("A. A.");
        readOnly.stop().block();
    }

    @Test
    void aSubscriberReconnectingWithItsLastPositionGetsWhatItMissedInOrder() {
        WebSocketGraphQlClient agent = client(Role.AGENT);
        var first = events(agent, now()).take(1).replay(1);
        first.connect();
        open("Before the drop");
        String seen = (String) first.blockFirst(Duration.ofSeconds(10)).get("position");
        agent.stop().block();

        // while the client is away
        String missedOne = open("Missed one");
        String missedTwo = open("Missed two");

        WebSocketGraphQlClient back = client(Role.AGENT);
        List<Map<String, Object>> replayed =
                events(back, seen).take(2).collectList().block(Duration.ofSeconds(10));
        assertThat(replayed.stream()
                        .map(e -> (String) ((Map<?, ?>) e.get("ticket")).get("id"))
                        .toList())
                .containsExactly(missedOne, missedTwo);
        long last = Long.parseLong(seen);
        assertThat(replayed.stream()
                        .map(e -> Long.parseLong((String) e.get("position")))
                        .toList())
                .containsExactly(last + 1, last + 2);
        back.stop().block();
    }

    @Test
    void liveSubscribersOfTheSameSubscriptionShareOneExecutionPerRoleAndNoRoleSeesAnothersValues() {
        long executions = shared.started();
        WebSocketGraphQlClient agentOne = client(Role.AGENT);
        WebSocketGraphQlClient agentTwo = client(Role.AGENT);
        WebSocketGraphQlClient readOnly = client(Role.READ_ONLY);
        var one = events(agentOne, null).take(2).replay(2);
        var two = events(agentTwo, null).take(1).replay(1);
        var masked = events(readOnly, null).take(2).replay(2);
        one.connect();
        two.connect();
        masked.connect();
        // live subscriptions see what commits after they are in place: wait for the three, and for the feed they
        // woke to follow the log (it starts from the head it reads then; CI once committed the ticket before that)
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> shared.subscribers(SUBSCRIPTION) == 3 && feed.following());
        open("Shared ticket");
        Map<String, Object> toOne = one.blockFirst(Duration.ofSeconds(10));
        Map<String, Object> toTwo = two.blockFirst(Duration.ofSeconds(10));
        Map<String, Object> toReadOnly = masked.blockFirst(Duration.ofSeconds(10));
        // the two agents asked the same with the same role: one execution; the read-only subscriber has its own
        assertThat(shared.started() - executions).isEqualTo(2);
        assertThat(toOne).isEqualTo(toTwo);
        assertThat(customerName(toOne)).isEqualTo("Alice Archer");
        assertThat(customerName(toReadOnly)).isEqualTo("A. A.");

        // one subscriber leaving (here its stream completed after one event) does not end the others'
        String second = open("After one left");
        assertThat(((Map<?, ?>) one.blockLast(Duration.ofSeconds(10)).get("ticket")).get("id"))
                .isEqualTo(second);
        assertThat(customerName(masked.blockLast(Duration.ofSeconds(10)))).isEqualTo("A. A.");
        agentOne.stop().block();
        agentTwo.stop().block();
        readOnly.stop().block();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> shared.subscribers(SUBSCRIPTION) == 0);
    }

    @Test
    void subscribersResumingFromTheSamePositionEachReplayEverythingOnTheirOwn() {
        String seen = now();
        String first = open("Missed by both");
        long executions = shared.started();
        WebSocketGraphQlClient early = client(Role.AGENT);
        List<Map<String, Object>> toEarly =
                events(early, seen).take(1).collectList().block(Duration.ofSeconds(10));
        // a second client with the same document and position, while the first one's stream has already sent the
        // replay, still gets the replay: resuming subscriptions are never joined to a running one
        WebSocketGraphQlClient late = client(Role.AGENT);
        var lateStream = events(late, seen).take(1).replay(1);
        lateStream.connect();
        assertThat(((Map<?, ?>) lateStream.blockFirst(Duration.ofSeconds(10)).get("ticket")).get("id"))
                .isEqualTo(first);
        assertThat(((Map<?, ?>) toEarly.getFirst().get("ticket")).get("id")).isEqualTo(first);
        assertThat(shared.started()).isEqualTo(executions);
        early.stop().block();
        late.stop().block();
    }

    private static String customerName(Map<String, Object> event) {
        return (String) ((Map<?, ?>) ((Map<?, ?>) event.get("ticket")).get("customer")).get("name");
    }

    @Test
    void aConnectionWithoutValidCredentialsIsClosedBeforeAnyOperation() {
        WebSocketGraphQlClient anonymous = WebSocketGraphQlClient.builder(
                        URI.create("ws://localhost:" + port + "/graphql"), new StandardWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer crm_not-a-real-key"));
                    }
                })
                .build();
        // refused at connection_init: the subscription fails at once, rather than waiting for events that never come
        assertThatThrownBy(() -> events(anonymous, null).take(1).blockFirst(Duration.ofSeconds(10)))
                .hasMessageNotContaining("Timeout on blocking read");
    }
}
