package org.crmgraph.importer.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.importer.clean.CleanRow;
import org.crmgraph.importer.mapping.Field;
import org.neo4j.driver.SimpleQueryRunner;

/**
 * Support tickets, by their id or (when the export has none) an id from their content. A ticket that
 * is resolved or closed without a resolution time is taken as resolved when it was created. The
 * customer is linked when the row names one; the product only when its SKU is in the graph.
 */
public final class TicketsWriter implements EntityWriter {

    private static final int SUBJECT_LENGTH = 80;
    private static final String UPSERT = """
            UNWIND $tickets AS t
            MERGE (x:Ticket {id: t.id})
              ON CREATE SET x.createdAt = t.createdAt, x.status = 'OPEN', x.priority = 'MEDIUM', x.channel = 'OTHER'
            WITH x, t, properties(x) AS before
            SET x += t.properties
            SET x.resolvedAt = CASE WHEN x.status IN ['RESOLVED', 'CLOSED'] THEN coalesce(x.resolvedAt, x.createdAt)
                                    ELSE x.resolvedAt END
            WITH x, t, before
            CALL (x, t) {
              WITH x, t WHERE t.personKey IS NOT NULL
              MATCH (:SourceRecord {key: t.personKey})-[:RESOLVED_TO]->(c:Customer)
              MERGE (c)-[raised:RAISED]->(x)
                ON CREATE SET raised.sourceKey = t.personKey
            }
            CALL (x, t) {
              WITH x, t WHERE t.sku IS NOT NULL
              MATCH (p:Product {sku: t.sku})
              MERGE (x)-[:ABOUT]->(p)
            }
            WITH x, before WHERE before <> properties(x)
            SET x.updatedAt = datetime()
            """;

    private final WriteContext context;

    public TicketsWriter(WriteContext context) {
        this.context = context;
    }

    @Override
    public void write(SimpleQueryRunner tx, List<CleanRow> rows, List<String> personKeys) {
        Map<String, Map<String, Object>> tickets = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            CleanRow row = rows.get(i);
            String id = row.has(Field.TICKET_ID)
                    ? row.text(Field.TICKET_ID)
                    : ContentIds.of("tkt-", context.source(), row.fingerprint());
            String body = row.text(Field.BODY);
            var properties = Parameters.of()
                    .putIfPresent("subject", row.has(Field.SUBJECT) ? row.text(Field.SUBJECT) : subjectOf(body))
                    .putIfPresent("body", body)
                    .putIfPresent("status", row.text(Field.STATUS))
                    .putIfPresent("priority", row.text(Field.PRIORITY))
                    .putIfPresent("channel", row.text(Field.CHANNEL))
                    .putIfPresent("category", row.text(Field.CATEGORY))
                    .putIfPresent("resolution", row.text(Field.RESOLUTION))
                    .putIfPresent("createdAt", row.time(Field.CREATED_AT))
                    .putIfPresent("resolvedAt", row.time(Field.RESOLVED_AT))
                    .putIfPresent("source", context.source());
            tickets.put(
                    id,
                    Parameters.of()
                            .put("id", id)
                            .put("properties", properties.map())
                            .put(
                                    "createdAt",
                                    row.time(Field.CREATED_AT) != null
                                            ? row.time(Field.CREATED_AT)
                                            : context.fileTime())
                            .put("personKey", personKeys.get(i))
                            .put("sku", row.text(Field.SKU))
                            .map());
        }
        tx.run(UPSERT, Map.of("tickets", new ArrayList<>(tickets.values()))).consume();
    }

    /** The first line of the body, cut at a word boundary. */
    static String subjectOf(String body) {
        if (body == null) {
            return null;
        }
        String line = body.lines().findFirst().orElse("").strip();
        if (line.length() <= SUBJECT_LENGTH) {
            return line;
        }
        int cut = line.lastIndexOf(' ', SUBJECT_LENGTH - 1);
        return line.substring(0, cut > SUBJECT_LENGTH / 2 ? cut : SUBJECT_LENGTH - 1) + "\u2026";
    }
}
