package org.crmgraph.api.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.crmgraph.api.webhook.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Webhook deliveries are in the graph, not in the process: the service is killed (SIGKILL) while an endpoint is down
 * and deliveries are being retried; after a restart on the same data folder, the endpoint (back up) receives every
 * event committed before the kill, signed, none missing.
 */
class WebhookDeliveriesSurviveAKillIT {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\":\"([^\"]+)\"");

    @Test
    void everyEventCommittedBeforeTheKillIsDeliveredAfterTheRestart() throws Exception {
        Files.createDirectories(Path.of("target"));
        Path data = Files.createTempDirectory(Path.of("target"), "webhook-kill-");
        int port = ServiceProcess.freePort();
        String[] settings = {
            "--crm.webhooks.allow-private-addresses=true",
            "--crm.webhooks.max-attempts=1000",
            "--crm.webhooks.first-retry=300ms",
            "--crm.webhooks.max-retry-delay=1s",
            // the killed instance's lease must expire before the restarted one may deliver
            "--crm.lease.ttl=4s",
            "--crm.lease.renewal=1s"
        };
        List<String> customers = new ArrayList<>();
        String secret;
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(503);
            ServiceProcess service = ServiceProcess.start(data, port, settings);
            try {
                String created = service.post("mutation { createWebhook(input: {url: \\\"" + receiver.url()
                        + "\\\", events: [CUSTOMER_CREATED]}) { secret errors { message } } }");
                var secretMatch = SECRET.matcher(created);
                assertThat(secretMatch.find()).as(created).isTrue();
                secret = secretMatch.group(1);
                for (int i = 0; i < 25; i++) {
                    String body = service.post(
                            "mutation { createCustomer(input: {name: \\\"Hooked " + i + "\\\", email: \\\"hooked-" + i
                                    + "@example.com\\\"}) { customer { id } errors { code } } }");
                    var id = Pattern.compile("\"customer\":\\{\"id\":\"([^\"]+)\"")
                            .matcher(body);
                    assertThat(id.find()).as(body).isTrue();
                    customers.add(id.group(1));
                }
                assertThat(receiver.await(r -> true, 5, Duration.ofSeconds(30)))
                        .as("the endpoint was tried (and refused) before the kill")
                        .hasSizeGreaterThanOrEqualTo(5);
            } finally {
                service.kill();
            }
            int refusedBeforeKill = receiver.received().size();
            receiver.answer(200);

            try (ServiceProcess restarted = ServiceProcess.start(data, port, settings)) {
                var accepted = receiver.await(r -> r.answered() == 200, customers.size(), Duration.ofSeconds(60));
                Set<String> delivered = new TreeSet<>();
                for (var delivery : accepted) {
                    assertThat(WebhookReceiver.verifies(
                                    secret, delivery.signature(), delivery.body(), Duration.ofMinutes(2)))
                            .as("signed: %s", delivery.body())
                            .isTrue();
                    var entity = Pattern.compile("\"entity\":\\{[^}]*\"id\":\"([^\"]+)\"")
                            .matcher(delivery.body());
                    if (entity.find()) {
                        delivered.add(entity.group(1));
                    }
                }
                assertThat(delivered)
                        .as("customers created before the kill, each delivered")
                        .containsExactlyInAnyOrderElementsOf(customers);
                System.out.printf(
                        "Webhooks across a kill -9: %d events, %d refused attempts before the kill, all %d delivered after the restart%n",
                        customers.size(), refusedBeforeKill, delivered.size());
                assertThat(restarted.post("{ webhooks { pendingDeliveries deadDeliveries } }"))
                        .contains("\"deadDeliveries\":0");
            }
        }
    }
}
