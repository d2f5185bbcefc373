package org.crmgraph.analytics.incremental;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Analytics between full refreshes ({@code crm.analytics.incremental.*}).
 *
 * @param enabled      whether orders and touchpoints update their customer's metrics, scores and segment as they
 *                     come (default true); when off, only full refreshes do
 * @param pollInterval how often the change log is read for new orders and touchpoints (default 1 s): the most an
 *                     update waits
 * @param batch        change events read per transaction (default 500)
 */
@ConfigurationProperties("crm.analytics.incremental")
public record IncrementalAnalyticsProperties(Boolean enabled, Duration pollInterval, Integer batch) {

    public IncrementalAnalyticsProperties {
        enabled = enabled == null || enabled;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        batch = batch == null ? 500 : batch;
        if (batch < 1 || batch > 10_000) {
            throw new IllegalArgumentException("crm.analytics.incremental.batch must be between 1 and 10000");
        }
    }
}
