package org.crmgraph.graph.article;

import java.time.OffsetDateTime;
import java.util.List;
import org.crmgraph.graph.cypher.Records;
import org.neo4j.driver.Value;

/** A knowledge-base article that agents link to the tickets it resolved. */
public record Article(
        String id, String title, String body, List<String> tags, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** What an article returns: every field but its embedding, which is large and for the vector index only. */
    static final String PROJECTION = "a{.id, .title, .body, .tags, .createdAt, .updatedAt}";

    static Article from(Value value) {
        return new Article(
                value.get("id").asString(),
                Records.string(value.get("title")),
                Records.string(value.get("body")),
                Records.strings(value.get("tags")),
                Records.dateTime(value.get("createdAt")),
                Records.dateTime(value.get("updatedAt")));
    }
}
