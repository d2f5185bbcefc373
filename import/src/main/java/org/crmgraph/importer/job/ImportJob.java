package org.crmgraph.importer.job;

import java.time.OffsetDateTime;
import org.crmgraph.graph.cypher.Records;
import org.neo4j.driver.Value;

/** One run of an import, stored as an {@code ImportJob} node so analysts see it in Neo4j Browser. */
public record ImportJob(
        String id,
        String mapping,
        String type,
        String file,
        boolean dryRun,
        ImportJobStatus status,
        ImportCounts counts,
        long bytesTotal,
        OffsetDateTime startedAt,
        OffsetDateTime updatedAt,
        OffsetDateTime finishedAt,
        String error,
        String reportFile,
        long duplicatesMerged,
        long duplicatesQueued,
        long duplicatesMillis) {

    // the counts, flat, as clients see them
    public long rowsRead() {
        return counts.rowsRead();
    }

    public long rowsImported() {
        return counts.rowsImported();
    }

    public long rowsRejected() {
        return counts.rowsRejected();
    }

    public long duplicateRows() {
        return counts.duplicateRows();
    }

    public long valuesDropped() {
        return counts.valuesDropped();
    }

    public long customersCreated() {
        return counts.customersCreated();
    }

    public long customersMatched() {
        return counts.customersMatched();
    }

    public long lastLine() {
        return counts.lastLine();
    }

    /** Share of the file read, 0 to 1, by bytes on disk. */
    public double progress() {
        if (status == ImportJobStatus.SUCCEEDED) {
            return 1.0;
        }
        return bytesTotal <= 0 ? 0.0 : Math.min(1.0, (double) counts.bytesRead() / bytesTotal);
    }

    /** Rows per second so far (or over the whole run once finished). */
    public double rowsPerSecond() {
        OffsetDateTime end = finishedAt != null ? finishedAt : updatedAt;
        if (startedAt == null || end == null) {
            return 0;
        }
        double seconds = Math.max(
                0.001, (end.toInstant().toEpochMilli() - startedAt.toInstant().toEpochMilli()) / 1000.0);
        return counts.rowsRead() / seconds;
    }

    static ImportJob from(Value j) {
        var counts = new ImportCounts(
                j.get("rowsRead").asLong(0),
                j.get("rowsImported").asLong(0),
                j.get("rowsRejected").asLong(0),
                j.get("duplicateRows").asLong(0),
                j.get("valuesDropped").asLong(0),
                j.get("customersCreated").asLong(0),
                j.get("customersMatched").asLong(0),
                j.get("lastLine").asLong(0),
                j.get("bytesRead").asLong(0));
        return new ImportJob(
                j.get("id").asString(),
                Records.string(j.get("mapping")),
                Records.string(j.get("type")),
                Records.string(j.get("file")),
                j.get("dryRun").asBoolean(false),
                ImportJobStatus.valueOf(j.get("status").asString()),
                counts,
                j.get("bytesTotal").asLong(0),
                Records.dateTime(j.get("startedAt")),
                Records.dateTime(j.get("updatedAt")),
                Records.dateTime(j.get("finishedAt")),
                Records.string(j.get("error")),
                Records.string(j.get("reportFile")),
                j.get("duplicatesMerged").asLong(0),
                j.get("duplicatesQueued").asLong(0),
                j.get("duplicatesMillis").asLong(0));
    }
}
