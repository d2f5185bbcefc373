package org.crmgraph.graph.job;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.event.JobProgressed;
import org.crmgraph.graph.outbox.Outbox;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** The {@code (:Job)} nodes: one per started job, its status updated as it runs and ends. */
@Repository
public class Jobs {

    private static final String START = """
            CREATE (j:Job {id: $id, kind: $kind, status: 'RUNNING', requestedBy: $requestedBy, startedAt: datetime()})
            RETURN j
            """;
    private static final String FINISH = """
            MATCH (j:Job {id: $id})
            SET j.status = $status, j.finishedAt = datetime(), j.summary = $summary, j.resultId = $resultId,
                j.error = $error, j.progress = CASE WHEN $status = 'SUCCEEDED' THEN 1.0 ELSE j.progress END
            RETURN j
            """;

    private static final String PROGRESS = """
            MATCH (j:Job {id: $id}) SET j.step = $step, j.progress = $progress RETURN j
            """;

    private final CypherRunner cypher;
    private final Outbox outbox;

    public Jobs(CypherRunner cypher, Outbox outbox) {
        this.cypher = cypher;
        this.outbox = outbox;
    }

    public Job start(JobKind kind, @Nullable String requestedBy) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", "job-" + UUID.randomUUID());
        parameters.put("kind", kind.name());
        parameters.put("requestedBy", requestedBy);
        return cypher.inWrite(tx -> {
            Job job = Job.from(tx.run(START, parameters).single().get("j"));
            outbox.record(tx, event(job, 0.0, null));
            return job;
        });
    }

    /** The job moved on to {@code step}, {@code progress} (0 to 1) of the way. */
    public void progressed(String id, String step, double progress) {
        cypher.inWrite(tx -> {
            var found = tx.run(PROGRESS, Map.of("id", id, "step", step, "progress", progress))
                    .list();
            found.forEach(r -> outbox.record(tx, event(Job.from(r.get("j")), progress, step)));
            return null;
        });
    }

    private static JobProgressed event(Job job, @Nullable Double progress, @Nullable String step) {
        return new JobProgressed(
                job.id(), job.kind().name(), job.status().name(), progress, step, null, null, null, Instant.now());
    }

    public Job succeeded(String id, String summary, @Nullable String resultId) {
        return finish(id, JobStatus.SUCCEEDED, summary, resultId, null);
    }

    public Job failed(String id, String error) {
        return finish(id, JobStatus.FAILED, null, null, error);
    }

    public Optional<Job> find(String id) {
        return cypher.readOptional("MATCH (j:Job {id: $id}) RETURN j", Map.of("id", id), r -> Job.from(r.get("j")));
    }

    private Job finish(
            String id, JobStatus status, @Nullable String summary, @Nullable String resultId, @Nullable String error) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("status", status.name());
        parameters.put("summary", summary);
        parameters.put("resultId", resultId);
        parameters.put("error", error);
        return cypher.inWrite(tx -> {
            Job job = Job.from(tx.run(FINISH, parameters).single().get("j"));
            outbox.record(tx, event(job, status == JobStatus.SUCCEEDED ? 1.0 : null, null));
            return job;
        });
    }
}
