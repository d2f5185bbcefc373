package org.crmgraph.analytics.insight;

import java.util.List;
import org.crmgraph.analytics.segment.Segment;

/**
 * What the last analytics refresh wrote on one customer; a part is null when that step has not run or the
 * customer has no purchases.
 */
public record CustomerInsight(
        String customerId,
        Rfm rfm,
        Segment segment,
        Community community,
        Double churnRisk,
        List<String> churnFactors,
        Double predictedLifetimeValue,
        Double probabilityAlive,
        Double expectedPurchases) {}
