package org.crmgraph.language;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.InvalidArgumentException;

/**
 * Reads texts with labels from an RFC 4180 CSV file with a header (Commons CSV), by the names of two of its
 * columns: BANKING77's {@code text,category}, the airline tweets' {@code text,airline_sentiment}, an organisation's
 * own export. Blank lines are skipped; a row without a text or a label is an error naming the row.
 */
public final class LabelledTexts {

    /** A text, its label as written, and its row number (the first row after the header is 1). */
    public record Row(String text, String label, long row) {}

    private LabelledTexts() {}

    /**
     * @param maxRows a longer file is refused before it is all read
     * @throws InvalidArgumentException naming the argument ({@code dataset}, {@code textColumn}, {@code labelColumn})
     */
    public static List<Row> read(Path file, String textColumn, String labelColumn, int maxRows) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw InvalidArgumentException.notFound("dataset", "No file " + file.toAbsolutePath());
        }
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            requireColumn(header, textColumn, "textColumn", file);
            requireColumn(header, labelColumn, "labelColumn", file);
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() == maxRows) {
                    throw InvalidArgumentException.outOfRange(
                            "dataset", file + " has more than " + maxRows + " rows, the most one training reads");
                }
                long row = record.getRecordNumber();
                String text = record.isSet(textColumn) ? record.get(textColumn).strip() : "";
                String label =
                        record.isSet(labelColumn) ? record.get(labelColumn).strip() : "";
                if (text.isEmpty() || label.isEmpty()) {
                    throw new InvalidArgumentException(
                            ErrorCode.REQUIRED,
                            "dataset",
                            file.getFileName() + " row " + row + ": "
                                    + (text.isEmpty() ? "the " + textColumn : "the " + labelColumn)
                                    + " column is empty");
                }
                rows.add(new Row(text, label, row));
            }
            return rows;
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new InvalidArgumentException(
                    ErrorCode.INVALID_FORMAT, "dataset", file.getFileName() + " is not valid CSV: " + e.getMessage());
        }
    }

    private static void requireColumn(List<String> header, String column, String argument, Path file) {
        if (column == null || column.isBlank()) {
            throw new InvalidArgumentException(ErrorCode.REQUIRED, argument, argument + " must not be empty");
        }
        if (!header.contains(column)) {
            throw InvalidArgumentException.notFound(
                    argument, file.getFileName() + " has no column " + column + "; its header is " + header);
        }
    }
}
