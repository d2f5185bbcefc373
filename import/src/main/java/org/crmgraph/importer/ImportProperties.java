package org.crmgraph.importer;

import java.nio.file.Path;
import org.crmgraph.importer.read.ReadLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bulk import settings ({@code crm.import.*}).
 *
 * @param folder       the only folder GraphQL's {@code startImport} may read files (and mapping files) from;
 *                     default {@code <crm.data-dir>/import}. The command line reads any file its user can.
 * @param reportFolder where rejected-rows reports are written; default {@code <crm.data-dir>/import-reports}
 * @param batchSize    rows per transaction; larger batches write faster and hold more memory
 * @param maxLineLength          characters in one line of a file (default 1,048,576)
 * @param maxFieldLength         characters in one field or value (default 65,536)
 * @param maxRecordLength        characters in one record (default 1,048,576)
 * @param maxDecompressionRatio  how many times its size a gzip file may expand to (default 100)
 * @param maxQueuedImports       imports started over GraphQL that may wait for the one running (default 10); more
 *                               are refused until the queue drains
 * @param streamMaxRecords       records one streaming request ({@code ingest}, {@code POST /ingest/...}) may carry
 *                               (default 1,000); a larger request is refused whole
 * @param streamMaxBytes         bytes of one NDJSON streaming request's body (default 16 MiB); past it the request
 *                               is refused whole
 */
@ConfigurationProperties("crm.import")
public record ImportProperties(
        Path folder,
        Path reportFolder,
        Integer batchSize,
        Integer maxLineLength,
        Integer maxFieldLength,
        Integer maxRecordLength,
        Integer maxDecompressionRatio,
        Integer maxQueuedImports,
        Integer streamMaxRecords,
        Long streamMaxBytes) {

    public ImportProperties {
        maxLineLength = maxLineLength == null ? ReadLimits.DEFAULTS.maxLineLength() : maxLineLength;
        maxFieldLength = maxFieldLength == null ? ReadLimits.DEFAULTS.maxFieldLength() : maxFieldLength;
        maxRecordLength = maxRecordLength == null ? ReadLimits.DEFAULTS.maxRecordLength() : maxRecordLength;
        maxDecompressionRatio =
                maxDecompressionRatio == null ? ReadLimits.DEFAULTS.maxDecompressionRatio() : maxDecompressionRatio;
        maxQueuedImports = maxQueuedImports == null ? 10 : maxQueuedImports;
        streamMaxRecords = streamMaxRecords == null ? 1000 : streamMaxRecords;
        streamMaxBytes = streamMaxBytes == null ? 16L * 1024 * 1024 : streamMaxBytes;
        if (streamMaxRecords < 1 || streamMaxRecords > 100_000) {
            throw new IllegalArgumentException("crm.import.stream-max-records must be between 1 and 100000");
        }
        batchSize = batchSize == null ? 5000 : batchSize;
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("crm.import.batch-size must be between 1 and 100000");
        }
    }

    public ReadLimits readLimits() {
        return new ReadLimits(maxLineLength, maxFieldLength, maxRecordLength, maxDecompressionRatio);
    }
}
