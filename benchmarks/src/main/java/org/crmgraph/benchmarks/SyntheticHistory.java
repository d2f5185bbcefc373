package org.crmgraph.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.crmgraph.importer.read.RowSource;
import org.crmgraph.importer.read.RowSources;
import org.crmgraph.importer.read.SourceRow;

/**
 * An Online Retail file {@code factor} times the size of the real one, in the real one's columns: the real rows
 * first, then {@code factor - 1} copies whose customers, invoices, dates and baskets differ. A copy's customer buys
 * what their original bought, with every line's product swapped for a random line's product (so by popularity)
 * with probability {@link #SWAP}, and all their orders moved 0-27 days earlier: customers who resemble the real
 * ones without being their twins, which a similarity step would otherwise find trivially. The business grows in
 * customers and orders over the same year; the catalogue stays the same.
 */
final class SyntheticHistory {

    static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";
    private static final String[] COLUMNS = HEADER.split(",");
    private static final double SWAP = 0.3;
    private static final Set<String> NOT_PRODUCTS =
            Set.of("POST", "DOT", "M", "C2", "D", "S", "B", "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SyntheticHistory() {}

    /** Writes the file (gzip) and returns how many rows it holds. */
    static long write(Path original, int factor, Path target) throws IOException {
        List<String[]> rows = read(original);
        List<String[]> products =
                rows.stream().filter(r -> !NOT_PRODUCTS.contains(r[1])).toList();
        long written = 0;
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(target), 1 << 16), StandardCharsets.UTF_8))) {
            out.write(HEADER);
            out.write('\n');
            for (String[] row : rows) {
                writeRow(out, row);
                written++;
            }
            for (int copy = 1; copy < factor; copy++) {
                SplittableRandom random = new SplittableRandom(31L * copy);
                Map<String, Integer> shiftDays = new HashMap<>();
                for (String[] row : rows) {
                    String[] next = row.clone();
                    next[0] = invoice(row[0], copy);
                    String owner = row[6].isEmpty() ? row[0] : row[6];
                    int shift = shiftDays.computeIfAbsent(owner, o -> random.nextInt(28));
                    next[4] = shifted(row[4], shift);
                    if (!row[6].isEmpty()) {
                        next[6] = customer(row[6], copy);
                    }
                    if (!NOT_PRODUCTS.contains(row[1]) && random.nextDouble() < SWAP) {
                        String[] other = products.get(random.nextInt(products.size()));
                        next[1] = other[1];
                        next[2] = other[2];
                        next[5] = other[5];
                    }
                    writeRow(out, next);
                    written++;
                }
            }
        }
        return written;
    }

    private static List<String[]> read(Path original) throws IOException {
        List<String[]> rows = new ArrayList<>(600_000);
        try (RowSource source = RowSources.open(original, RowSources.Format.CSV, ',')) {
            for (SourceRow row = source.next(); row != null; row = source.next()) {
                String[] values = new String[COLUMNS.length];
                for (int i = 0; i < COLUMNS.length; i++) {
                    String value = row.get(COLUMNS[i]);
                    values[i] = value == null ? "" : value;
                }
                rows.add(values);
            }
        }
        return rows;
    }

    /** 536365 becomes 1536365 in the first copy; a cancellation keeps its C. */
    static String invoice(String invoice, int copy) {
        boolean cancellation = invoice.startsWith("C");
        String digits = cancellation ? invoice.substring(1) : invoice;
        try {
            return (cancellation ? "C" : "") + (copy * 1_000_000L + Long.parseLong(digits));
        } catch (NumberFormatException odd) {
            return invoice + "-" + copy;
        }
    }

    /** 17850.0 becomes 117850.0 in the first copy. */
    static String customer(String id, int copy) {
        try {
            return (copy * 100_000L + (long) Double.parseDouble(id)) + ".0";
        } catch (NumberFormatException odd) {
            return id + "-" + copy;
        }
    }

    private static String shifted(String time, int days) {
        try {
            return LocalDateTime.parse(time, TIME).minusDays(days).format(TIME);
        } catch (RuntimeException notThatFormat) {
            return time;
        }
    }

    private static void writeRow(BufferedWriter out, String[] row) throws IOException {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String value = row[i];
            if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0) {
                out.write('"');
                out.write(value.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(value);
            }
        }
        out.write('\n');
    }
}
