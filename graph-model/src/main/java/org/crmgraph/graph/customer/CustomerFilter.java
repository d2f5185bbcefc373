package org.crmgraph.graph.customer;

import java.time.OffsetDateTime;

/** All given criteria must hold; text criteria match case-insensitively anywhere in the field. */
public record CustomerFilter(String nameContains, String emailContains, String country,
                             OffsetDateTime createdAfter, OffsetDateTime createdBefore) {

    public static final CustomerFilter NONE = new CustomerFilter(null, null, null, null, null);
}
