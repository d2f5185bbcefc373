package org.crmgraph.importer.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens an export for reading: gzip is recognised by its magic bytes, not the file name. */
public final class SourceFiles {

    private static final int BUFFER = 1 << 16;

    private SourceFiles() {}

    /**
     * A strict UTF-8 reader over the (decompressed) file: bytes that are not UTF-8 fail the read
     * instead of becoming replacement characters, so no garbled value is ever stored.
     */
    public static Reader open(Path file) throws IOException {
        return open(Files.newInputStream(file));
    }

    public static Reader open(InputStream raw) throws IOException {
        return open(raw, ReadLimits.DEFAULTS);
    }

    /** As {@link #open(InputStream)}; a gzip file read through a {@link CountingInputStream} is held to the ratio. */
    public static Reader open(InputStream raw, ReadLimits limits) throws IOException {
        var in = new BufferedInputStream(raw, BUFFER);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        InputStream content = in;
        if (first == 0x1f && second == 0x8b) {
            InputStream gunzipped = new GZIPInputStream(in, BUFFER);
            if (raw instanceof CountingInputStream compressed) {
                gunzipped = new ExpansionLimitedInputStream(gunzipped, compressed, limits.maxDecompressionRatio());
            }
            content = new BufferedInputStream(gunzipped, BUFFER);
        }
        return new Utf8Reader(content);
    }
}
