package org.crmgraph.importer.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTests {

    @TempDir
    Path folder;

    private static List<CsvRow> rows(CsvReader reader) {
        List<CsvRow> rows = new ArrayList<>();
        for (CsvRow row; (row = reader.next()) != null; ) {
            rows.add(row);
        }
        return rows;
    }

    private static List<CsvRow> parse(String text, char delimiter) {
        return rows(new CsvReader(new StringReader(text), delimiter));
    }

    @Test
    void readsQuotedFieldsWithDelimitersQuotesAndLineBreaks() {
        var rows = parse("""
                InvoiceNo,Description,Quantity
                536365,"WHITE HANGING HEART, T-LIGHT HOLDER",6
                536366,"the ""best"" mug",2
                536367,"two
                lines",1
                """, ',');
        assertThat(rows)
                .extracting(CsvRow::fields)
                .containsExactly(
                        List.of("InvoiceNo", "Description", "Quantity"),
                        List.of("536365", "WHITE HANGING HEART, T-LIGHT HOLDER", "6"),
                        List.of("536366", "the \"best\" mug", "2"),
                        List.of("536367", "two\nlines", "1"));
        assertThat(rows).extracting(CsvRow::line).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void keepsEmptyFieldsSkipsBlankLinesAndAcceptsCrlf() {
        var rows = parse("a;b;c\r\n\r\n1;;3\r\n;;\r\nlast;x;", ';');
        assertThat(rows)
                .extracting(CsvRow::fields)
                .containsExactly(
                        List.of("a", "b", "c"), List.of("1", "", "3"), List.of("", "", ""), List.of("last", "x", ""));
        assertThat(rows).extracting(CsvRow::line).containsExactly(1L, 3L, 4L, 5L);
    }

    @Test
    void detectsTheDelimiterFromTheHeader() {
        assertThat(CsvReader.detectDelimiter("InvoiceNo,StockCode,Description")).isEqualTo(',');
        assertThat(CsvReader.detectDelimiter("id;name;\"city, region\"")).isEqualTo(';');
        assertThat(CsvReader.detectDelimiter("id\tname\temail")).isEqualTo('\t');
        assertThat(CsvReader.detectDelimiter("id|name")).isEqualTo('|');
    }

    @Test
    void anUnclosedQuoteNamesWhereItWasOpened() {
        assertThatThrownBy(() -> parse("a,b\n1,\"never closed\n2,3\n", ','))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("line 2, column 3").contains("never closed");
                });
    }

    @Test
    void textAfterAClosingQuoteIsBrokenQuoting() {
        assertThatThrownBy(() -> parse("a,b\n1,\"bad\"x\n", ','))
                .isInstanceOfSatisfying(
                        MalformedFileException.class,
                        e -> assertThat(e.getMessage()).startsWith("line 2, column 8"));
    }

    @Test
    void readsGzipAndSkipsTheByteOrderMarkWhateverTheFileName() throws IOException {
        byte[] text = "\uFEFFid,name\n1,Zoë\n".getBytes(StandardCharsets.UTF_8);
        var gzipped = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(text);
        }
        Path file = folder.resolve("export.csv");
        Files.write(file, gzipped.toByteArray());
        try (var reader = new CsvReader(SourceFiles.open(file), ',')) {
            assertThat(rows(reader))
                    .extracting(CsvRow::fields)
                    .containsExactly(List.of("id", "name"), List.of("1", "Zoë"));
        }
        try (var reader = new CsvReader(SourceFiles.open(new ByteArrayInputStream(text)), ',')) {
            assertThat(reader.next().fields()).containsExactly("id", "name");
        }
    }

    @Test
    void bytesThatAreNotUtf8FailWithTheirLine() throws IOException {
        byte[] latin1 = "id,name\n1,ok\n2,Zo\u00eb\n".getBytes(StandardCharsets.ISO_8859_1);
        try (var reader = new CsvReader(SourceFiles.open(new ByteArrayInputStream(latin1)), ',')) {
            assertThat(reader.next().fields()).containsExactly("id", "name");
            assertThat(reader.next().fields()).containsExactly("1", "ok");
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(MalformedFileException.class, e -> {
                assertThat(e.line()).isEqualTo(3);
                assertThat(e.getMessage()).contains("not UTF-8");
            });
        }
    }

    @Test
    void multiByteCharactersSplitAcrossReadsDecodeIntact() throws IOException {
        var text = new StringBuilder("id,name\n");
        for (int i = 0; i < 40_000; i++) {
            text.append(i).append(",Zoë Ørsted 東京\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try (var reader = new CsvReader(SourceFiles.open(new ByteArrayInputStream(bytes)), ',')) {
            var rows = rows(reader);
            assertThat(rows)
                    .hasSize(40_001)
                    .allSatisfy(row -> assertThat(row.fields()).hasSize(2));
            assertThat(rows.subList(1, rows.size()))
                    .extracting(row -> row.fields().get(1))
                    .containsOnly("Zoë Ørsted 東京");
        }
    }

    @Test
    void streamsAFileLargerThanItsBufferWithCorrectLineNumbers() {
        var text = new StringBuilder("n,text\n");
        for (int i = 1; i <= 50_000; i++) {
            text.append(i).append(",\"row ").append(i).append(", quoted\"\n");
        }
        var rows = parse(text.toString(), ',');
        assertThat(rows).hasSize(50_001);
        assertThat(rows.get(50_000).line()).isEqualTo(50_001);
        assertThat(rows.get(50_000).fields()).containsExactly("50000", "row 50000, quoted");
    }
}
