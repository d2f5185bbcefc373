package org.crmgraph.graph.customer;

import java.time.OffsetDateTime;

/**
 * Where a customer came from: one record of another system that identity resolution linked to them. Only the
 * identifying part; the personal values the record held are the customer's and are read there.
 *
 * @param customerId the customer it resolved to
 * @param source     the source system's name, as the import mapping gives it (e.g. {@code online-retail})
 * @param externalId the id the source system gave the person; null for records identified by e-mail or phone
 * @param observedAt when the source last described the person
 */
public record SourceRecordRef(String customerId, String source, String externalId, OffsetDateTime observedAt) {}
