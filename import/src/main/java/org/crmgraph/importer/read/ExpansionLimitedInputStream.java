package org.crmgraph.importer.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Decompressed bytes that may not outgrow the compressed bytes read so far by more than the ratio. */
final class ExpansionLimitedInputStream extends FilterInputStream {

    // a small file may legitimately compress very well (a column of zeros); judge only past this many bytes
    private static final long GRACE = 1 << 20;

    private final CountingInputStream compressed;
    private final int ratio;
    private long expanded;

    ExpansionLimitedInputStream(InputStream decompressed, CountingInputStream compressed, int ratio) {
        super(decompressed);
        this.compressed = compressed;
        this.ratio = ratio;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        expanded += n;
        if (expanded > GRACE && expanded > (long) ratio * Math.max(1, compressed.count())) {
            throw new MalformedFileException(
                    1,
                    1,
                    "the gzip file expands to more than " + ratio + " times its size (" + expanded + " bytes from "
                            + compressed.count() + "); refused as a decompression bomb"
                            + " (crm.import.max-decompression-ratio)");
        }
    }
}
