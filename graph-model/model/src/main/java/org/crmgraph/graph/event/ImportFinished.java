package org.crmgraph.graph.event;

import java.time.Instant;
import java.util.Map;

/**
 * An import committed its rows (dry runs and failed imports publish nothing), from GraphQL or the command line alike.
 *
 * @param entityType    what the mapping imported: customers, products, orders, tickets, interactions or articles
 * @param rowsImported  rows written; 0 when a re-run found nothing new
 */
public record ImportFinished(
        String entityId, String entityType, long rowsImported, long rowsRejected, Instant occurredAt)
        implements DomainEvent {

    public static final String TYPE = "IMPORT_FINISHED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of("entityType", entityType, "rowsImported", rowsImported, "rowsRejected", rowsRejected);
    }
}
