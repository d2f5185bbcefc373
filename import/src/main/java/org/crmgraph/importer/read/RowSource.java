package org.crmgraph.importer.read;

import java.util.List;

/** A stream of records from one file; memory does not grow with the file's size. */
public interface RowSource extends AutoCloseable {

    /** The columns the file declares (a CSV header); empty when records name their own (JSON Lines). */
    List<String> columns();

    /** The next record, or {@code null} at the end of the file. */
    SourceRow next();

    /** Bytes of the file on disk read so far. */
    long bytesRead();

    @Override
    void close();
}
