package org.crmgraph.graph.job;

import java.time.OffsetDateTime;
import org.crmgraph.graph.cypher.Records;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

/**
 * A long piece of work a client started and follows by id: it runs in the background, one of its kind at a time across
 * every instance (the work holds its lease), and its status is kept in the graph as {@code (:Job)}.
 *
 * @param summary  what it produced, in a sentence (when it succeeded)
 * @param resultId the analytics run or classifier version it produced
 * @param error    why it failed
 */
public record Job(
        String id,
        JobKind kind,
        JobStatus status,
        @Nullable String requestedBy,
        OffsetDateTime startedAt,
        @Nullable OffsetDateTime finishedAt,
        @Nullable String summary,
        @Nullable String resultId,
        @Nullable String error) {

    static Job from(Value node) {
        return new Job(
                node.get("id").asString(),
                JobKind.valueOf(node.get("kind").asString()),
                JobStatus.valueOf(node.get("status").asString()),
                Records.string(node.get("requestedBy")),
                Records.dateTime(node.get("startedAt")),
                Records.dateTime(node.get("finishedAt")),
                Records.string(node.get("summary")),
                Records.string(node.get("resultId")),
                Records.string(node.get("error")));
    }
}
