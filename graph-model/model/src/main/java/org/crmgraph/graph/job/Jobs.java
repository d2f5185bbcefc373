package org.crmgraph.graph.job;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.crmgraph.graph.cypher.CypherRunner;
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
                j.error = $error
            RETURN j
            """;

    private final CypherRunner cypher;

    public Jobs(CypherRunner cypher) {
        this.cypher = cypher;
    }

    public Job start(JobKind kind, @Nullable String requestedBy) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", "job-" + UUID.randomUUID());
        parameters.put("kind", kind.name());
        parameters.put("requestedBy", requestedBy);
        return cypher.write(START, parameters, r -> Job.from(r.get("j"))).getFirst();
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
        return cypher.write(FINISH, parameters, r -> Job.from(r.get("j"))).getFirst();
    }
}
