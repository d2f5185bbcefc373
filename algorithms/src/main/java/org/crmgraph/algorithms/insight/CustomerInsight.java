package org.crmgraph.algorithms.insight;

import java.util.List;

/**
 * What the last analytics refresh wrote on one customer; a part is null when that step has not run or the
 * customer has no purchases.
 */
public record CustomerInsight(String customerId, Rfm rfm, Integer segmentId, Integer communityId, Double churnRisk,
                              List<String> churnFactors) {}
