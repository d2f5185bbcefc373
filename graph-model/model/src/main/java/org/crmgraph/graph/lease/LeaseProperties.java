package org.crmgraph.graph.lease;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Leases in the graph that keep one-at-a-time jobs to one instance at a time ({@code crm.lease.*}).
 *
 * @param ttl     how long a lease holds without renewal: a crashed owner's job can be taken over this long after its
 *                last renewal
 * @param renewal how often a running job renews its lease; well under {@code ttl}
 * @param owner   this instance's name in {@code Lease.owner}; empty means host name and process id
 */
@ConfigurationProperties(prefix = "crm.lease")
public record LeaseProperties(
        @DefaultValue("30s") Duration ttl,
        @DefaultValue("10s") Duration renewal,
        @DefaultValue("") String owner) {

    public LeaseProperties {
        if (renewal.compareTo(ttl) >= 0) {
            throw new IllegalArgumentException(
                    "crm.lease.renewal (" + renewal + ") must be shorter than crm.lease.ttl (" + ttl + ")");
        }
    }
}
