package org.crmgraph.importer.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.importer.clean.CleanRow;
import org.crmgraph.importer.mapping.Field;
import org.neo4j.driver.SimpleQueryRunner;

/** Touchpoints on any channel: {@code (:Customer)-[:HAD]->(:Interaction)-[:ABOUT]->(:Product)}. */
public final class InteractionsWriter implements EntityWriter {

    private static final String UPSERT = """
            UNWIND $interactions AS i
            MERGE (x:Interaction {id: i.id})
            SET x += i.properties
            WITH x, i
            CALL (x, i) {
              WITH x, i WHERE i.personKey IS NOT NULL
              MATCH (:SourceRecord {key: i.personKey})-[:RESOLVED_TO]->(c:Customer)
              MERGE (c)-[had:HAD]->(x)
                ON CREATE SET had.sourceKey = i.personKey
            }
            CALL (x, i) {
              WITH x, i WHERE i.sku IS NOT NULL
              MATCH (p:Product {sku: i.sku})
              MERGE (x)-[:ABOUT]->(p)
            }
            """;

    private final WriteContext context;

    public InteractionsWriter(WriteContext context) {
        this.context = context;
    }

    /** The row's own id, else one made from its source and content (so the same row sent again is the same node). */
    public static String idOf(CleanRow row, String source) {
        return row.has(Field.INTERACTION_ID)
                ? row.text(Field.INTERACTION_ID)
                : ContentIds.of("int-", source, row.fingerprint());
    }

    @Override
    public void write(SimpleQueryRunner tx, List<CleanRow> rows, List<String> personKeys) {
        Map<String, Map<String, Object>> interactions = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            CleanRow row = rows.get(i);
            String id = idOf(row, context.source());
            var properties = Parameters.of()
                    .putIfPresent("channel", row.text(Field.CHANNEL))
                    .putIfPresent("type", row.text(Field.TYPE))
                    .put(
                            "occurredAt",
                            row.time(Field.OCCURRED_AT) != null ? row.time(Field.OCCURRED_AT) : context.fileTime())
                    .putIfPresent("text", row.text(Field.TEXT))
                    .putIfPresent("source", context.source());
            interactions.put(
                    id,
                    Parameters.of()
                            .put("id", id)
                            .put("properties", properties.map())
                            .put("personKey", personKeys.get(i))
                            .put("sku", row.text(Field.SKU))
                            .map());
        }
        tx.run(UPSERT, Map.of("interactions", new ArrayList<>(interactions.values())))
                .consume();
    }
}
