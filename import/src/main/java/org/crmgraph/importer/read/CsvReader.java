package org.crmgraph.importer.read;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams RFC 4180 CSV: fields separated by one delimiter character, optionally quoted with
 * {@code "}, a quote inside a quoted field written twice, line breaks allowed inside quotes,
 * lines ending in LF or CRLF. A leading byte-order mark is skipped. Broken quoting and bytes that
 * are not UTF-8 fail with a {@link MalformedFileException} naming line and column.
 */
public final class CsvReader implements AutoCloseable {

    private static final char QUOTE = '"';
    private static final char[] CANDIDATE_DELIMITERS = {',', ';', '\t', '|'};

    private final Reader in;
    private final char delimiter;
    private final char[] buffer = new char[1 << 16];
    private int length;
    private int position;
    private long line = 1;
    private int column;
    private boolean started;
    private final ReadLimits limits;
    private int lineLength;
    private int recordLength;

    public CsvReader(Reader in, char delimiter) {
        this(in, delimiter, ReadLimits.DEFAULTS);
    }

    public CsvReader(Reader in, char delimiter, ReadLimits limits) {
        this.in = in;
        this.delimiter = delimiter;
        this.limits = limits;
    }

    /**
     * Picks the delimiter that occurs most often, outside quotes, in a header line:
     * comma, semicolon, tab or pipe.
     */
    public static char detectDelimiter(String headerLine) {
        char best = ',';
        int bestCount = 0;
        for (char candidate : CANDIDATE_DELIMITERS) {
            int count = 0;
            boolean quoted = false;
            for (char c : headerLine.toCharArray()) {
                if (c == QUOTE) {
                    quoted = !quoted;
                } else if (c == candidate && !quoted) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    public char delimiter() {
        return delimiter;
    }

    /** The next record, or {@code null} at the end of the file. Blank lines are skipped. */
    public CsvRow next() {
        try {
            if (!started) {
                started = true;
                if (fill() && buffer[position] == '\uFEFF') {
                    position++;
                }
            }
            while (true) {
                if (!fill()) {
                    return null;
                }
                if (buffer[position] == '\n' || buffer[position] == '\r') {
                    endOfLine();
                    continue;
                }
                return record();
            }
        } catch (CharacterCodingException e) {
            throw new MalformedFileException(line, column + 1, "the file is not UTF-8 text (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CsvRow record() throws IOException {
        long startLine = line;
        recordLength = 0;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (!fill()) {
                fields.add(field.toString());
                return new CsvRow(startLine, fields);
            }
            char c = buffer[position];
            if (c == QUOTE && field.isEmpty()) {
                quoted(field);
                continue;
            }
            if (c == delimiter) {
                advance();
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                endOfLine();
                fields.add(field.toString());
                return new CsvRow(startLine, fields);
            } else {
                advance();
                append(field, c);
            }
        }
    }

    /** Every character kept goes through here, so no field, record or line outgrows its bound. */
    private void append(StringBuilder field, char c) {
        field.append(c);
        if (field.length() > limits.maxFieldLength()) {
            throw new MalformedFileException(
                    line,
                    column,
                    "a field longer than " + limits.maxFieldLength() + " characters (crm.import.max-field-length)");
        }
        if (++recordLength > limits.maxRecordLength()) {
            throw new MalformedFileException(
                    line,
                    column,
                    "a record longer than " + limits.maxRecordLength() + " characters (crm.import.max-record-length)");
        }
    }

    /** Reads a quoted field up to its closing quote, which must be followed by a delimiter or line end. */
    private void quoted(StringBuilder field) throws IOException {
        long openLine = line;
        int openColumn = column + 1;
        advance();
        while (true) {
            if (!fill()) {
                throw new MalformedFileException(openLine, openColumn, "the quote opened here is never closed");
            }
            char c = buffer[position];
            if (c == QUOTE) {
                advance();
                if (fill() && buffer[position] == QUOTE) {
                    advance();
                    append(field, QUOTE);
                    continue;
                }
                if (fill() && buffer[position] != delimiter && buffer[position] != '\n' && buffer[position] != '\r') {
                    throw new MalformedFileException(
                            line,
                            column + 1,
                            "unexpected '" + buffer[position]
                                    + "' after a closing quote (a quote inside a quoted field is written twice)");
                }
                return;
            }
            if (c == '\n' || c == '\r') {
                endOfLine();
                append(field, '\n');
            } else {
                advance();
                append(field, c);
            }
        }
    }

    private void advance() {
        position++;
        column++;
        if (column > limits.maxLineLength()) {
            throw new MalformedFileException(
                    line,
                    column,
                    "a line longer than " + limits.maxLineLength() + " characters (crm.import.max-line-length)");
        }
    }

    private void endOfLine() throws IOException {
        if (buffer[position] == '\r') {
            position++;
            if (fill() && buffer[position] == '\n') {
                position++;
            }
        } else {
            position++;
        }
        line++;
        column = 0;
    }

    private boolean fill() throws IOException {
        if (position < length) {
            return true;
        }
        length = in.read(buffer, 0, buffer.length);
        position = 0;
        return length > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
