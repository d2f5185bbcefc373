package org.crmgraph.importer.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.crmgraph.importer.read.RowSources.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files built to exhaust the reader: each fails with the bound it broke, its setting, and where. */
class ReadLimitsTests {

    private static final ReadLimits SMALL = new ReadLimits(200, 50, 120, 100);

    @TempDir
    Path folder;

    private static void drain(CsvReader reader) {
        while (reader.next() != null) {
            // read on until the bound breaks
        }
    }

    @Test
    void aFieldPastItsBoundFailsWithLineAndColumn() {
        String text = "id,note\n1,ok\n2," + "x".repeat(60) + "\n";
        assertThatThrownBy(() -> drain(new CsvReader(new StringReader(text), ',', SMALL)))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("longer than 50", "crm.import.max-field-length");
                });
    }

    @Test
    void aQuotedFieldCannotHideAnEndlessValueAcrossLines() {
        String text = "id,note\n1,\"" + "line\n".repeat(40) + "\"\n";
        assertThatThrownBy(() -> drain(new CsvReader(new StringReader(text), ',', SMALL)))
                .isInstanceOfSatisfying(
                        MalformedFileException.class,
                        e -> assertThat(e.getMessage())
                                .containsAnyOf("crm.import.max-field-length", "crm.import.max-record-length"));
    }

    @Test
    void aRecordOfManyShortFieldsPastItsBoundFails() {
        String text = "a\n" + "abcd,".repeat(35) + "x\n";
        assertThatThrownBy(() -> drain(new CsvReader(new StringReader(text), ',', SMALL)))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("crm.import.max-record-length");
                });
    }

    @Test
    void aLineOfDelimitersOnlyStillHitsTheLineBound() {
        String text = "a\n" + ",".repeat(500) + "\n";
        assertThatThrownBy(() -> drain(new CsvReader(new StringReader(text), ',', SMALL)))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("crm.import.max-line-length");
                });
    }

    @Test
    void aJsonLineWithoutAnEndIsRefusedBeforeItIsAllRead() throws IOException {
        Path file = folder.resolve("endless.jsonl");
        Files.writeString(file, "{\"id\": \"1\"}\n{\"note\": \"" + "y".repeat(10_000) + "\"}\n");
        try (RowSource source = RowSources.open(file, Format.JSONL, null, SMALL)) {
            assertThat(source.next().get("id")).isEqualTo("1");
            assertThatThrownBy(source::next).isInstanceOfSatisfying(MalformedFileException.class, e -> {
                assertThat(e.line()).isEqualTo(2);
                assertThat(e.getMessage()).contains("crm.import.max-line-length");
            });
        }
    }

    @Test
    void aGzipBombIsRefusedWithinItsFirstMegabytes() throws IOException {
        Path file = folder.resolve("bomb.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("id,note\n".getBytes(StandardCharsets.US_ASCII));
            byte[] zeros = new byte[1 << 20];
            java.util.Arrays.fill(zeros, (byte) '0');
            for (int i = 0; i < 64; i++) {
                out.write(zeros); // 64 MiB of one character: about a thousand times smaller compressed
            }
        }
        assertThat(Files.size(file)).isLessThan(1 << 20);
        assertThatThrownBy(() -> {
                    try (RowSource source =
                            RowSources.open(file, Format.CSV, ',', new ReadLimits(1 << 30, 1 << 30, 1 << 30, 100))) {
                        while (source.next() != null) {
                            // read until refused
                        }
                    }
                })
                .isInstanceOfSatisfying(
                        MalformedFileException.class,
                        e -> assertThat(e.getMessage())
                                .contains("more than 100 times", "crm.import.max-decompression-ratio"));
    }

    @Test
    void anHonestGzipFileReadsWhole() throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < 50_000; i++) {
                out.write(("" + i + ",customer " + i + " of many\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        Path file = folder.resolve("honest.csv.gz");
        Files.write(file, bytes.toByteArray());
        int rows = 0;
        try (RowSource source = RowSources.open(file, Format.CSV, ',', ReadLimits.DEFAULTS)) {
            while (source.next() != null) {
                rows++;
            }
        }
        assertThat(rows).isEqualTo(49_999);
    }
}
