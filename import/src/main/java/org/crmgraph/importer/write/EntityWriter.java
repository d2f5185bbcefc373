package org.crmgraph.importer.write;

import java.util.List;
import org.crmgraph.importer.clean.CleanRow;
import org.neo4j.driver.SimpleQueryRunner;

/**
 * Writes one batch of clean rows of one entity type with a few {@code UNWIND} statements, inside the
 * batch's transaction. Every write is a MERGE on a business key, so running a batch twice (a driver
 * retry, a re-run after a crash) leaves the graph as running it once.
 */
public interface EntityWriter {

    /**
     * @param personKeys per row, the provenance key of the person it is about, or {@code null}. Writers link
     *                   customers through {@code (:SourceRecord {key})-[:RESOLVED_TO]->(:Customer)}, which
     *                   stays right even when customers are merged while the import runs; the relationship
     *                   to the customer keeps the key ({@code sourceKey}), so an unmerge moves it with its record.
     */
    void write(SimpleQueryRunner tx, List<CleanRow> rows, List<String> personKeys);

    /** Called once the batch's transaction has committed; a writer may remember what it wrote. */
    default void committed(List<CleanRow> rows) {}
}
