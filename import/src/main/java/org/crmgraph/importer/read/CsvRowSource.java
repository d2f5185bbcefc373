package org.crmgraph.importer.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.graph.text.Fingerprints;

/** CSV records by header name. The first record is the header; the delimiter is detected from it unless given. */
public final class CsvRowSource implements RowSource {

    private final CountingInputStream counter;
    private final CsvReader reader;
    private final List<String> columns;
    private final Map<String, Integer> index = new HashMap<>();

    /**
     * @param delimiter the delimiter, or {@code null} to detect it from the header line
     */
    public CsvRowSource(CountingInputStream counter, Character delimiter) {
        this(counter, delimiter, ReadLimits.DEFAULTS);
    }

    public CsvRowSource(CountingInputStream counter, Character delimiter, ReadLimits limits) {
        this.counter = counter;
        try {
            var text = new BufferedReader(SourceFiles.open(counter, limits), 1 << 16);
            char chosen;
            if (delimiter != null) {
                chosen = delimiter;
            } else {
                text.mark(1 << 15);
                String first = text.readLine();
                text.reset();
                chosen = CsvReader.detectDelimiter(first == null ? "" : first);
            }
            this.reader = new CsvReader(text, chosen, limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CsvRow header = reader.next();
        if (header == null) {
            throw new MalformedFileException(1, 1, "the file is empty: a header line naming the columns is required");
        }
        this.columns = header.fields().stream().map(String::strip).toList();
        for (int i = 0; i < columns.size(); i++) {
            if (index.putIfAbsent(columns.get(i), i) != null) {
                throw new MalformedFileException(
                        header.line(), i + 1, "the header names column '" + columns.get(i) + "' twice");
            }
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public SourceRow next() {
        CsvRow row = reader.next();
        if (row == null) {
            return null;
        }
        if (row.fields().size() > columns.size()) {
            throw new MalformedFileException(
                    row.line(),
                    columns.size() + 1,
                    "the record has " + row.fields().size() + " fields but the header names " + columns.size()
                            + " columns");
        }
        return new Row(row);
    }

    @Override
    public long bytesRead() {
        return counter.count();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class Row implements SourceRow {
        private final CsvRow row;

        Row(CsvRow row) {
            this.row = row;
        }

        @Override
        public long line() {
            return row.line();
        }

        @Override
        public String get(String column) {
            Integer i = index.get(column);
            if (i == null) {
                return null;
            }
            // a short record (trailing empty fields left out) has empty values, not missing columns
            return i < row.fields().size() ? row.fields().get(i) : "";
        }

        @Override
        public long fingerprint() {
            long hash = Fingerprints.start();
            for (String field : row.fields()) {
                hash = Fingerprints.add(hash, field);
            }
            return Fingerprints.finish(hash);
        }
    }
}
