package org.crmgraph.importer.job;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crmgraph.importer.clean.ReportEntry;

/**
 * The rejected-rows report: a CSV with {@code line,column,value,reason,action}, one line per
 * rejected row, dropped value or duplicate row, in file order. Opened lazily, so an import
 * without problems leaves no empty report behind.
 */
public final class RejectReport implements AutoCloseable {

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

    private final Path file;
    private Writer out;

    public RejectReport(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    // the reader thread reports cleaning rejects, the writer those it finds in the graph (erased people)
    public synchronized void add(ReportEntry entry) {
        try {
            if (out == null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
                out.write("line,column,value,reason,action\n");
            }
            out.write(entry.line() + "," + quote(entry.column()) + "," + quote(entry.value()) + ","
                    + quote(entry.reason()) + "," + entry.action() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reject report " + file, e);
        }
    }

    public boolean written() {
        return out != null;
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String quote(String value) {
        if (value == null) {
            return "";
        }
        boolean needs = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        // a leading = + - @ would run as a formula when a steward opens the report in a spreadsheet
        String safe = !value.isEmpty()
                        && "=+-@".indexOf(value.charAt(0)) >= 0
                        && !NUMBER.matcher(value).matches()
                ? "'" + value
                : value;
        return needs || safe != value ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
