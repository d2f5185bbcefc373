package org.crmgraph.importer.job;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.event.JobProgressed;
import org.crmgraph.graph.outbox.Outbox;
import org.crmgraph.importer.identity.DuplicateResolution;
import org.neo4j.driver.SimpleQueryRunner;
import org.springframework.stereotype.Repository;

/** {@code ImportJob} nodes: created when a job is accepted, updated in the transaction of every batch. */
@Repository
public class ImportJobRepository {

    private static final String CREATE = """
            CREATE (j:ImportJob)
            SET j = $properties, j.status = 'QUEUED', j.startedAt = datetime(), j.updatedAt = datetime()
            RETURN j
            """;
    private static final String STATUS = """
            MATCH (j:ImportJob {id: $id})
            SET j += $counts, j.status = $status, j.updatedAt = datetime(), j.error = $error,
                j.finishedAt = CASE WHEN $finished THEN datetime() ELSE null END
            RETURN j
            """;
    private static final String PROGRESS = """
            MATCH (j:ImportJob {id: $id})
            SET j += $counts, j.updatedAt = datetime()
            RETURN j
            """;
    private static final String BY_ID = "MATCH (j:ImportJob {id: $id}) RETURN j";
    private static final String RECENT = """
            MATCH (j:ImportJob)
            RETURN j ORDER BY j.startedAt DESC, j.id LIMIT $limit
            """;
    private static final String INTERRUPT_STALE = """
            MATCH (j:ImportJob) WHERE j.status IN ['QUEUED', 'RUNNING'] AND j.updatedAt < datetime() - $quiet
            SET j.status = 'INTERRUPTED', j.finishedAt = datetime(),
                j.error = 'the process running the import stopped; run the import again to catch up'
            RETURN count(j) AS interrupted
            """;

    private final CypherRunner cypher;
    private final Outbox outbox;

    public ImportJobRepository(CypherRunner cypher, Outbox outbox) {
        this.cypher = cypher;
        this.outbox = outbox;
    }

    public ImportJob create(
            String id, String mapping, String type, String file, boolean dryRun, long bytesTotal, String reportFile) {
        Map<String, Object> properties = new HashMap<>(ImportCounts.ZERO.properties());
        properties.put("id", id);
        properties.put("mapping", mapping);
        properties.put("type", type);
        properties.put("file", file);
        properties.put("dryRun", dryRun);
        properties.put("bytesTotal", bytesTotal);
        properties.put("reportFile", reportFile);
        return cypher.write(CREATE, Map.of("properties", properties), r -> ImportJob.from(r.get("j")))
                .getFirst();
    }

    /** Counts as of a batch, written in that batch's own transaction so they never run ahead of the data. */
    public void progress(SimpleQueryRunner tx, String id, ImportCounts counts) {
        tx.run(PROGRESS, Map.of("id", id, "counts", counts.properties()))
                .list()
                .forEach(r -> outbox.record(tx, event(ImportJob.from(r.get("j")))));
    }

    public void progress(String id, ImportCounts counts) {
        cypher.inWrite(tx -> {
            progress(tx, id, counts);
            return null;
        });
    }

    /** What subscribers to job events hear: counts, never rows. */
    private static JobProgressed event(ImportJob job) {
        return new JobProgressed(
                job.id(),
                "IMPORT",
                job.status().name(),
                job.progress(),
                null,
                job.rowsRead(),
                job.rowsImported(),
                job.rowsRejected(),
                Instant.now());
    }

    /** What probabilistic identity resolution did after the rows were in: customers merged, pairs queued. */
    public void duplicates(String id, DuplicateResolution.Outcome outcome) {
        cypher.write(
                """
                MATCH (j:ImportJob {id: $id})
                SET j.duplicatesMerged = $merged, j.duplicatesQueued = $queued, j.duplicatesMillis = $millis
                """,
                Map.of("id", id, "merged", outcome.merged(), "queued", outcome.queued(), "millis", outcome.millis()));
    }

    public ImportJob status(String id, ImportJobStatus status, ImportCounts counts, String error) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("counts", counts.properties());
        parameters.put("status", status.name());
        parameters.put("error", error);
        parameters.put("finished", status != ImportJobStatus.RUNNING && status != ImportJobStatus.QUEUED);
        return cypher.inWrite(tx -> {
            ImportJob job = ImportJob.from(tx.run(STATUS, parameters).single().get("j"));
            outbox.record(tx, event(job));
            return job;
        });
    }

    public Optional<ImportJob> find(String id) {
        return cypher.readOptional(BY_ID, Map.of("id", id), r -> ImportJob.from(r.get("j")));
    }

    public List<ImportJob> recent(int limit) {
        return cypher.read(RECENT, Map.of("limit", limit), r -> ImportJob.from(r.get("j")));
    }

    /** Jobs left RUNNING by a process that died: nothing has updated them for {@code quiet}. */
    public long interruptStale(java.time.Duration quiet) {
        return cypher.write(
                        INTERRUPT_STALE,
                        Map.of("quiet", quiet),
                        r -> r.get("interrupted").asLong())
                .getFirst();
    }
}
