package org.crmgraph.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.crmgraph.api.FixtureGraphTest;
import org.crmgraph.api.TestClients;
import org.crmgraph.graph.security.ApiKeyStore;
import org.crmgraph.graph.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Webhooks against a real HTTP server on the loopback address (allowed by the test profile): signed deliveries a
 * receiver can verify, retries then a dead letter then a replay, order per entity, the customer filter, and what an
 * attacker tries (a non-admin registering, an endpoint that is not http(s), a secret it never got).
 */
class WebhooksIT extends FixtureGraphTest {

    private static final Duration WITHIN = Duration.ofSeconds(15);

    @Autowired
    TestClients clients;

    @Autowired
    ApiKeyStore keys;

    WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private record Registered(String id, String secret) {}

    private Registered register(List<String> events, String customerId) {
        var response = graphQl.document("""
                        mutation($url: String!, $events: [WebhookEventType!]!, $customerId: ID) {
                          createWebhook(input: {url: $url, events: $events, customerId: $customerId, description: "test"}) {
                            webhook { id url events } secret errors { field code message } } }""")
                .variable("url", receiver.url())
                .variable("events", events)
                .variable("customerId", customerId)
                .execute();
        response.path("createWebhook.errors").entityList(Object.class).hasSize(0);
        String secret =
                response.path("createWebhook.secret").entity(String.class).get();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        String id =
                response.path("createWebhook.webhook.id").entity(String.class).get();
        // the graph holds it sealed (crm.webhooks.secret-key): reading the graph does not give the means to sign
        String stored = cypher.read(
                        "MATCH (w:Webhook {id: $id}) RETURN w.secret AS s",
                        Map.of("id", id),
                        r -> r.get("s").asString())
                .getFirst();
        assertThat(stored).startsWith("sealed:v1:").doesNotContain(secret.substring("whsec_".length()));
        return new Registered(id, secret);
    }

    private String openTicket(String customerId, String subject) {
        return graphQl.document("""
                        mutation($customerId: ID!, $subject: String!) {
                          openTicket(input: {customerId: $customerId, subject: $subject, body: "Call me on +44 20 7946 0958"}) {
                            ticket { id } errors { code } } }""")
                .variable("customerId", customerId)
                .variable("subject", subject)
                .execute()
                .path("openTicket.ticket.id")
                .entity(String.class)
                .get();
    }

    @Test
    void anOpenedTicketIsPostedSignedWithTheWebhooksSecretAndWithoutPersonalValues() throws Exception {
        Registered hook = register(List.of("TICKET_OPENED"), null);
        graphQl.document(
                        "mutation { createCustomer(input: {name: \"Not asked for\", email: \"na@example.com\"}) { errors { code } } }")
                .execute();
        String ticket = openTicket("c1", "My parcel never came, Alice Example");

        var received = receiver.await(r -> true, 1, WITHIN);
        assertThat(received).as("one delivery, of the one event type asked for").hasSize(1);
        var delivery = received.getFirst();
        assertThat(delivery.event()).isEqualTo("TICKET_OPENED");
        assertThat(delivery.delivery()).startsWith(hook.id() + "-");
        assertThat(WebhookReceiver.verifies(
                        hook.secret(), delivery.signature(), delivery.body(), Duration.ofMinutes(1)))
                .as("signature %s verifies with the webhook's secret", delivery.signature())
                .isTrue();
        assertThat(delivery.body())
                .contains("\"type\":\"TICKET_OPENED\"")
                .contains("\"entity\":{")
                .contains("\"id\":\"" + ticket + "\"")
                .contains("\"customerId\":\"c1\"")
                .doesNotContain("parcel")
                .doesNotContain("Alice")
                .doesNotContain("7946");

        // an attacker who does not have this webhook's secret cannot produce a signature it accepts
        assertThat(WebhookReceiver.verifies(
                        "whsec_guess", delivery.signature(), delivery.body(), Duration.ofMinutes(1)))
                .isFalse();
        assertThat(WebhookReceiver.verifies(
                        hook.secret(),
                        delivery.signature(),
                        delivery.body().replace("c1", "c2"),
                        Duration.ofMinutes(1)))
                .as("a changed body")
                .isFalse();

        awaitCount(hook.id(), "deliveredDeliveries", 1);
    }

    @Test
    void aFailingEndpointIsRetriedWithBackoffThenDeadLetteredThenReplayedWithTheSameDeliveryAndBody() throws Exception {
        receiver.answer(500);
        Registered hook = register(List.of("TICKET_OPENED"), null);
        openTicket("c1", "Retry me");

        var attempts = receiver.await(r -> true, 3, WITHIN);
        assertThat(attempts)
                .as("three attempts (crm.webhooks.max-attempts in tests)")
                .hasSize(3);
        assertThat(attempts.get(1).receivedAtMillis() - attempts.get(0).receivedAtMillis())
                .as("the second attempt waits for the first retry delay (200 ms, 20% jitter)")
                .isGreaterThanOrEqualTo(150);
        assertThat(attempts.get(2).receivedAtMillis() - attempts.get(1).receivedAtMillis())
                .as("and the third about twice as long")
                .isGreaterThanOrEqualTo(300);
        assertThat(attempts.stream().map(WebhookReceiver.Received::delivery).distinct())
                .hasSize(1);

        var dead = awaitDeadLetters(hook.id(), 1);
        assertThat(dead.getFirst()).containsEntry("attempts", 3).containsEntry("lastStatusCode", 500);
        assertThat((String) dead.getFirst().get("lastError")).contains("500");
        Thread.sleep(500);
        assertThat(receiver.received()).as("nothing more once dead").hasSize(3);

        receiver.answer(204);
        String id = (String) dead.getFirst().get("id");
        var replay = graphQl.document("""
                        mutation($ids: [ID!]!) { replayWebhookDeliveries(ids: $ids) {
                          deliveries { id status attempts } errors { field code } } }""")
                .variable("ids", List.of(id, "wh_nothing-1"))
                .execute();
        replay.path("replayWebhookDeliveries.deliveries[0].status")
                .entity(String.class)
                .isEqualTo("PENDING");
        replay.path("replayWebhookDeliveries.errors[0].field")
                .entityList(String.class)
                .containsExactly("ids", "1");
        replay.path("replayWebhookDeliveries.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");

        var all = receiver.await(r -> true, 4, WITHIN);
        assertThat(all).hasSize(4);
        assertThat(all.get(3).delivery()).isEqualTo(id);
        assertThat(all.get(3).body()).isEqualTo(all.get(0).body());
        assertThat(WebhookReceiver.verifies(
                        hook.secret(), all.get(3).signature(), all.get(3).body(), Duration.ofMinutes(1)))
                .isTrue();
        awaitCount(hook.id(), "deliveredDeliveries", 1);
        assertThat(deadLetters(hook.id())).isEmpty();
    }

    @Test
    void oneCustomersEventsArriveInTheOrderTheyHappenedEvenWhenTheFirstIsRetried() throws Exception {
        receiver.answer(503);
        Registered hook = register(List.of("CUSTOMER_CREATED", "CUSTOMER_UPDATED"), null);
        // three changes of one customer in one request (mutations run one after the other, each committed), so all
        // three are queued while the first is still being refused
        graphQl.document("""
                        mutation {
                          a: upsertCustomer(match: {by: EMAIL}, input: {name: "Ord Er", email: "order@example.com"}) { errors { code } }
                          b: upsertCustomer(match: {by: EMAIL}, input: {name: "Ord Er", email: "order@example.com", city: "Leeds"}) { errors { code } }
                          c: upsertCustomer(match: {by: EMAIL}, input: {name: "Ord Er", email: "order@example.com", city: "York"}) { errors { code } }
                        }""")
                .execute()
                .path("a.errors")
                .entityList(Object.class)
                .hasSize(0);
        receiver.await(r -> true, 1, WITHIN);
        receiver.answer(200);

        var accepted = receiver.await(r -> r.answered() == 200, 3, WITHIN);
        assertThat(accepted.stream().map(WebhookReceiver.Received::event))
                .containsExactly("CUSTOMER_CREATED", "CUSTOMER_UPDATED", "CUSTOMER_UPDATED");
        // every attempt, refused ones included: the updates waited until the creation was delivered
        List<Long> attempted = receiver.received().stream()
                .map(r -> Long.parseLong(r.eventId()))
                .toList();
        assertThat(attempted).isSorted();
        assertThat(receiver.received().getFirst().answered()).isEqualTo(503);
        assertThat(receiver.received().getFirst().event()).isEqualTo("CUSTOMER_CREATED");
        awaitCount(hook.id(), "deliveredDeliveries", 3);
    }

    @Test
    void aWebhookForOneCustomerGetsOnlyThatCustomersEvents() throws Exception {
        register(List.of("TICKET_OPENED", "ORDER_PLACED"), "c2");
        openTicket("c1", "Not for this hook");
        String theirs = openTicket("c2", "For this hook");
        var received = receiver.await(r -> true, 1, WITHIN);
        Thread.sleep(500);
        assertThat(receiver.received()).hasSize(1);
        assertThat(received.getFirst().body()).contains("\"id\":\"" + theirs + "\"");
    }

    @Test
    void onlyAdminsRegisterWebhooksAndEndpointsMustBeHttpWithoutCredentials() {
        var agent = clients.as(keys.create("agent", Role.AGENT, "test").secret());
        agent.document(
                        "mutation { createWebhook(input: {url: \"https://example.com/x\", events: [TICKET_OPENED]}) { secret } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .anySatisfy(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        agent.document("{ webhooks { id } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .anySatisfy(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));

        for (String url : List.of(
                "file:///etc/passwd",
                "gopher://127.0.0.1:6379/_FLUSHALL",
                "http://user:pw@example.com/x",
                "/relative")) {
            var response = graphQl.document("""
                            mutation($url: String!) { createWebhook(input: {url: $url, events: [TICKET_OPENED]}) {
                              webhook { id } secret errors { field code message } } }""").variable("url", url).execute();
            response.path("createWebhook.webhook").valueIsNull();
            response.path("createWebhook.secret").valueIsNull();
            response.path("createWebhook.errors[0].field")
                    .entityList(String.class)
                    .containsExactly("url");
            response.path("createWebhook.errors[0].code").entity(String.class).isEqualTo("INVALID_FORMAT");
        }
        graphQl.document(
                        "mutation { createWebhook(input: {url: \"https://example.com/x\", events: []}) { errors { field code } } }")
                .execute()
                .path("createWebhook.errors[0].field")
                .entityList(String.class)
                .containsExactly("events");
        graphQl.document("{ webhooks { id } }")
                .execute()
                .path("webhooks")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void deletingAWebhookStopsItsDeliveries() throws Exception {
        receiver.answer(500);
        Registered hook = register(List.of("TICKET_OPENED"), null);
        openTicket("c1", "Going nowhere");
        receiver.await(r -> true, 1, WITHIN);
        graphQl.document("mutation($id: ID!) { deleteWebhook(id: $id) { webhook { id } errors { code } } }")
                .variable("id", hook.id())
                .execute()
                .path("deleteWebhook.webhook.id")
                .entity(String.class)
                .isEqualTo(hook.id());
        int before = receiver.received().size();
        Thread.sleep(1_500);
        assertThat(receiver.received()).hasSize(before);
        assertThat(cypher.read(
                        "MATCH (d:WebhookDelivery) RETURN count(d) AS n",
                        Map.of(),
                        r -> r.get("n").asLong()))
                .containsExactly(0L);
    }

    private List<Map<String, Object>> deadLetters(String webhookId) {
        return graphQl
                .document("""
                        query($id: ID) { webhookDeliveries(webhookId: $id, status: DEAD) {
                          id eventId eventType status attempts lastStatusCode lastError body } }""")
                .variable("id", webhookId)
                .execute()
                .path("webhookDeliveries")
                .entityList(Map.class)
                .get()
                .stream()
                .map(m -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) m;
                    return typed;
                })
                .collect(Collectors.toList());
    }

    private List<Map<String, Object>> awaitDeadLetters(String webhookId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        List<Map<String, Object>> dead = deadLetters(webhookId);
        while (dead.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            dead = deadLetters(webhookId);
        }
        assertThat(dead).hasSize(count);
        return dead;
    }

    private void awaitCount(String webhookId, String field, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        int seen = -1;
        while (System.nanoTime() < deadline) {
            seen = graphQl.document("{ webhooks { id " + field + " } }")
                    .execute()
                    .path("webhooks[?(@.id == '" + webhookId + "')]." + field)
                    .entityList(Integer.class)
                    .get()
                    .getFirst();
            if (seen == count) {
                return;
            }
            Thread.sleep(50);
        }
        assertThat(seen).as(field).isEqualTo(count);
    }

    @Test
    void aStreamedTouchpointIsDeliveredToAWebhookForItsCustomer() throws Exception {
        Registered hook = register(List.of("INTERACTION_RECORDED"), "c2");
        // the change log is kept from test to test
        var since = java.time.OffsetDateTime.now();
        graphQl.document("""
                        mutation { ingestInteractions(source: "chat", records: [
                          {id: "chat-w1", channel: "chat", at: "2026-11-30T09:00:00Z", text: "Bob here", customer: {email: "bob@example.org"}},
                          {id: "chat-w2", channel: "chat", at: "2026-11-30T09:01:00Z", text: "Alice here", customer: {email: "alice@example.com"}}
                        ]) { accepted } }""")
                .execute()
                .path("ingestInteractions.accepted")
                .entity(Integer.class)
                .isEqualTo(2);

        var received = receiver.await(r -> true, 1, WITHIN);
        // both events were turned into deliveries (or not) once the webhooks' cursor passed them
        Awaitility.await()
                .atMost(WITHIN)
                .until(() -> cypher
                        .read("""
                                MATCH (c:ChangeLogCursor {name: 'webhooks'}),
                                      (e:ChangeEvent {type: 'INTERACTION_RECORDED', entityId: 'chat-w2'})
                                WHERE e.position IS NOT NULL AND e.at >= $since
                                WITH c.position AS cursor, max(e.position) AS event
                                RETURN cursor >= event AS passed""", Map.of("since", since), r -> r.get("passed").asBoolean())
                        .stream()
                        .findFirst()
                        .orElse(false));
        assertThat(cypher.read(
                        "MATCH (d:WebhookDelivery {entityId: 'chat-w2', webhookId: $hook}) RETURN count(d) AS n",
                        Map.of("hook", hook.id()),
                        r -> r.get("n").asLong()))
                .as("no delivery for another customer's touchpoint")
                .containsExactly(0L);
        assertThat(receiver.received())
                .as("only the filtered customer's touchpoint")
                .hasSize(1);
        var delivery = received.getFirst();
        assertThat(delivery.event()).isEqualTo("INTERACTION_RECORDED");
        assertThat(WebhookReceiver.verifies(
                        hook.secret(), delivery.signature(), delivery.body(), Duration.ofMinutes(1)))
                .isTrue();
        assertThat(delivery.body())
                .contains("\"id\":\"chat-w1\"")
                .contains("\"customerId\":\"c2\"")
                .contains("\"type\":\"Interaction\"")
                .doesNotContain("Bob here");
    }
}
