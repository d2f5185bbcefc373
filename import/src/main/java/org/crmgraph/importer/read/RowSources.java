package org.crmgraph.importer.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a file as records in the format its mapping names. */
public final class RowSources {

    public enum Format {
        CSV,
        JSONL
    }

    private RowSources() {}

    public static RowSource open(Path file, Format format, Character delimiter) throws IOException {
        return open(file, format, delimiter, ReadLimits.DEFAULTS);
    }

    public static RowSource open(Path file, Format format, Character delimiter, ReadLimits limits) throws IOException {
        var counter = new CountingInputStream(Files.newInputStream(file));
        try {
            return format == Format.JSONL
                    ? new JsonLinesRowSource(counter, limits)
                    : new CsvRowSource(counter, delimiter, limits);
        } catch (RuntimeException e) {
            counter.close();
            throw e;
        }
    }
}
