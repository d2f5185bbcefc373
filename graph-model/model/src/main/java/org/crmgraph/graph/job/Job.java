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
 * @param step     what it is doing now (an analytics step, {@code FINE_TUNING}...), as last reported
 * @param progress how far it is, 0 to 1, as last reported; null before its first report
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
        @Nullable String error,
        @Nullable String step,
        @Nullable Double progress) {

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
                Records.string(node.get("error")),
                Records.string(node.get("step")),
                node.get("progress").isNull() ? null : node.get("progress").asDouble());
    }
}
