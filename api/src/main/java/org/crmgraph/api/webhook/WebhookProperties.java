package org.crmgraph.api.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook deliveries ({@code crm.webhooks.*}).
 *
 * @param deliver                whether this process delivers (takes its turn at the delivery lease); the command
 *                               line's commands do not
 * @param allowPrivateAddresses  let endpoints be on loopback, private, link-local and other internal addresses; off,
 *                               such URLs are refused when registered and again before each attempt (a name may
 *                               resolve elsewhere later), so a webhook cannot be used to reach the service's own
 *                               network (server-side request forgery). Tests and local development turn it on
 * @param pollInterval           how often the delivering instance looks for events committed on other instances and
 *                               for retries that became due (its own commits wake it at once)
 * @param standbyCheck           how often an instance that does not deliver checks whether the delivering one is gone
 *                               (it takes over once that one's lease expired, {@code crm.lease.ttl})
 * @param maxAttempts            attempts before a delivery is parked as a dead letter
 * @param firstRetry             wait before the second attempt; each later wait doubles (with 20% jitter)
 * @param maxRetryDelay          the longest wait between two attempts
 * @param timeout                for connecting and for the whole answer; a slower endpoint counts as failed
 * @param concurrency            deliveries sent at once (to different webhooks or entities; one entity's are in order)
 * @param retention              how long delivered deliveries are kept for inspection; dead letters stay until replayed
 * @param maxWebhooks            most webhooks registered at once
 */
@ConfigurationProperties(prefix = "crm.webhooks")
public record WebhookProperties(
        @DefaultValue("true") boolean deliver,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("5s") Duration standbyCheck,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("10s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetryDelay,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("8") int concurrency,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("100") int maxWebhooks) {

    public WebhookProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("crm.webhooks.max-attempts must be at least 1, not " + maxAttempts);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("crm.webhooks.concurrency must be at least 1, not " + concurrency);
        }
    }
}
