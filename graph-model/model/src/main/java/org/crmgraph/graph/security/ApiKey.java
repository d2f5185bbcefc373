package org.crmgraph.graph.security;

import java.time.OffsetDateTime;
import org.crmgraph.graph.cypher.Records;
import org.neo4j.driver.Value;

/** An API key as stored: never the secret, only its hash (which stays in the graph). */
public record ApiKey(
        String id,
        String name,
        Role role,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime revokedAt,
        String revokedBy) {

    public boolean active() {
        return revokedAt == null;
    }

    static ApiKey from(Value value) {
        return new ApiKey(
                value.get("id").asString(),
                value.get("name").asString(),
                Role.valueOf(value.get("role").asString()),
                Records.dateTime(value.get("createdAt")),
                Records.string(value.get("createdBy")),
                Records.dateTime(value.get("revokedAt")),
                Records.string(value.get("revokedBy")));
    }
}
