package org.crmgraph.importer;

import java.nio.file.Path;
import org.crmgraph.importer.mapping.EntityType;

/**
 * One import to run.
 *
 * @param mapping    a built-in mapping name or a mapping file
 * @param type       the entity type the caller expects, or {@code null}; a mapping of another type is an error
 * @param reportFile where the rejected-rows report goes, or {@code null} for the configured report folder
 * @param source     the provenance source of every row of this run, or {@code null} for the mapping's: two files
 *                   imported with one mapping as two sources keep their source records apart
 */
public record ImportRequest(
        Path file, String mapping, EntityType type, boolean dryRun, Path reportFile, String source) {

    public ImportRequest(Path file, String mapping, EntityType type, boolean dryRun, Path reportFile) {
        this(file, mapping, type, dryRun, reportFile, null);
    }
}
