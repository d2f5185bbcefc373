package org.crmgraph.importer.read;

/** One record of a source file, whatever its format; values are looked up by column name. */
public interface SourceRow {

    /** The line the record starts on, counted from 1 (the header of a CSV file is line 1). */
    long line();

    /** The raw text of a column, or {@code null} if the record has no such column. */
    String get(String column);

    /**
     * A 64-bit fingerprint of the record's content (not its line): equal records have equal
     * fingerprints, which is how exact duplicate rows are found without keeping the rows.
     */
    long fingerprint();
}
