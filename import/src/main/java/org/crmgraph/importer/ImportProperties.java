package org.crmgraph.importer;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bulk import settings ({@code crm.import.*}).
 *
 * @param folder       the only folder GraphQL's {@code startImport} may read files (and mapping files) from;
 *                     default {@code <crm.data-dir>/import}. The command line reads any file its user can.
 * @param reportFolder where rejected-rows reports are written; default {@code <crm.data-dir>/import-reports}
 * @param batchSize    rows per transaction; larger batches write faster and hold more memory
 */
@ConfigurationProperties("crm.import")
public record ImportProperties(Path folder, Path reportFolder, Integer batchSize) {

    public ImportProperties {
        batchSize = batchSize == null ? 5000 : batchSize;
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("crm.import.batch-size must be between 1 and 100000");
        }
    }
}
