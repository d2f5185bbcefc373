package org.crmgraph.analytics.insight;

import java.time.OffsetDateTime;

/** A buying customer's value metrics as of the last refresh ({@code CustomerMetrics} describes each). */
public record Rfm(
        long recencyDays,
        long frequency,
        double monetary,
        double averageOrderValue,
        double lifetimeValue,
        int recencyScore,
        int frequencyScore,
        int monetaryScore,
        String code,
        OffsetDateTime firstPurchaseAt,
        OffsetDateTime lastPurchaseAt,
        OffsetDateTime asOf) {}
