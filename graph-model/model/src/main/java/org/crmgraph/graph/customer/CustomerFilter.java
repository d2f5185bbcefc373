package org.crmgraph.graph.customer;

import java.time.OffsetDateTime;

/**
 * All given criteria must hold; text criteria match case-insensitively anywhere in the field. The analytics
 * criteria read what the last analytics refresh wrote on customers: a customer without metrics, segment or
 * churn score matches none of them.
 *
 * @param segmentId    in this k-means segment
 * @param communityId  in this Leiden community
 * @param rfm          this RFM code, e.g. "555"
 * @param minMonetary  net spend at least this
 * @param minLifetimeValue lifetime-value estimate at least this
 * @param minChurnRisk churn probability at least this (0 to 1)
 */
public record CustomerFilter(
        String nameContains,
        String emailContains,
        String country,
        OffsetDateTime createdAfter,
        OffsetDateTime createdBefore,
        Integer segmentId,
        Integer communityId,
        String rfm,
        Double minMonetary,
        Double minLifetimeValue,
        Double minChurnRisk) {

    public static final CustomerFilter NONE =
            new CustomerFilter(null, null, null, null, null, null, null, null, null, null, null);
}
