package org.crmgraph.graph.outbox;

/**
 * Published on this instance when it numbered committed events: readers of the log (subscriptions, webhook
 * deliveries) look now rather than at their next poll. Changes numbered by another instance are found by polling.
 *
 * @param sequenced how many events were numbered
 */
public record ChangeLogAdvanced(int sequenced) {}
