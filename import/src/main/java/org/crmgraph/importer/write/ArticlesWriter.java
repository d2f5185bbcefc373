package org.crmgraph.importer.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.importer.clean.CleanRow;
import org.crmgraph.importer.mapping.Field;
import org.neo4j.driver.SimpleQueryRunner;

/** Knowledge-base articles by id; {@code updatedAt} moves only when the content changed. */
public final class ArticlesWriter implements EntityWriter {

    private static final String UPSERT = """
            UNWIND $articles AS a
            MERGE (x:Article {id: a.id})
              ON CREATE SET x.createdAt = a.at, x.updatedAt = a.at
            WITH x, a, x{.title, .body, .tags} AS before
            SET x += a.properties
            WITH x, a, before WHERE before <> x{.title, .body, .tags}
            SET x.updatedAt = a.at
            """;

    private final WriteContext context;

    public ArticlesWriter(WriteContext context) {
        this.context = context;
    }

    @Override
    public void write(SimpleQueryRunner tx, List<CleanRow> rows, List<String> personKeys) {
        Map<String, Map<String, Object>> articles = new LinkedHashMap<>();
        for (CleanRow row : rows) {
            String id = row.text(Field.ARTICLE_ID);
            var properties = Parameters.of()
                    .putIfPresent("title", row.text(Field.TITLE))
                    .putIfPresent("body", row.text(Field.BODY))
                    .putIfPresent("tags", row.get(Field.TAGS));
            articles.put(
                    id,
                    Parameters.of()
                            .put("id", id)
                            .put("properties", properties.map())
                            .put(
                                    "at",
                                    row.time(Field.UPDATED_AT) != null
                                            ? row.time(Field.UPDATED_AT)
                                            : context.fileTime())
                            .map());
        }
        tx.run(UPSERT, Map.of("articles", new ArrayList<>(articles.values()))).consume();
    }
}
