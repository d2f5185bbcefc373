package org.crmgraph.analytics.metrics;

import java.time.OffsetDateTime;

/**
 * What a metrics refresh did.
 *
 * @param asOf the reference time: the newest purchase in the graph, so a historical export is analysed
 *             as of its own end rather than as of today
 */
public record MetricsRefresh(long customers, OffsetDateTime asOf, long millis) {}
