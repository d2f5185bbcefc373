package org.crmgraph.importer.read;

/**
 * Bounds on what one import file may make the reader hold, so a hostile or broken file fails with a clear error
 * instead of filling the heap of the JVM that also hosts Neo4j.
 *
 * @param maxLineLength          characters in one physical line
 * @param maxFieldLength         characters in one field (CSV) or value (JSON Lines)
 * @param maxRecordLength        characters in one record, all fields together (a quoted CSV record may span lines)
 * @param maxDecompressionRatio  how many times larger than its compressed bytes a gzip file may become; a "zip bomb"
 *                               passes this within its first megabytes
 */
public record ReadLimits(int maxLineLength, int maxFieldLength, int maxRecordLength, int maxDecompressionRatio) {

    public static final ReadLimits DEFAULTS = new ReadLimits(1 << 20, 1 << 16, 1 << 20, 100);

    public ReadLimits {
        if (maxLineLength < 1 || maxFieldLength < 1 || maxRecordLength < 1 || maxDecompressionRatio < 1) {
            throw new IllegalArgumentException("crm.import read limits must be positive");
        }
    }
}
