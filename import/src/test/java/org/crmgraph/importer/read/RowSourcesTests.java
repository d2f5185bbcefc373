package org.crmgraph.importer.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crmgraph.importer.read.RowSources.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowSourcesTests {

    @TempDir
    Path folder;

    private RowSource open(String content, Format format) throws IOException {
        Path file = folder.resolve("source");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return RowSources.open(file, format, null);
    }

    @Test
    void csvRowsAreReadByHeaderNameWithTheDelimiterDetected() throws IOException {
        try (RowSource source = open("\uFEFFid;name;city\n1;Ann;\n2;Bob;Bath;\n", Format.CSV)) {
            assertThat(source.columns()).containsExactly("id", "name", "city");
            SourceRow first = source.next();
            assertThat(first.line()).isEqualTo(2);
            assertThat(first.get("name")).isEqualTo("Ann");
            assertThat(first.get("city")).isEmpty();
            assertThat(first.get("email")).isNull();
            assertThatThrownBy(source::next)
                    .isInstanceOf(MalformedFileException.class)
                    .hasMessageContaining("line 3")
                    .hasMessageContaining("4 fields but the header names 3");
        }
    }

    @Test
    void equalRowsHaveEqualFingerprintsWhereverTheyAre() throws IOException {
        try (RowSource source = open("a,b\nx,yz\nxy,z\nx,yz\n", Format.CSV)) {
            long first = source.next().fingerprint();
            long shifted = source.next().fingerprint();
            long again = source.next().fingerprint();
            assertThat(again).isEqualTo(first);
            assertThat(shifted).isNotEqualTo(first);
        }
    }

    @Test
    void anEmptyFileOrADuplicatedColumnIsRefused() {
        assertThatThrownBy(() -> open("", Format.CSV))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> open("id,name,id\n1,a,2\n", Format.CSV))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("line 1, column 3")
                .hasMessageContaining("'id' twice");
    }

    @Test
    void jsonLinesAreFlattenedIntoDottedColumns() throws IOException {
        try (RowSource source = open("""
                {"id": 1, "customer": {"email": "a@b.c", "tags": ["x", "y"]}, "note": null}

                {"id": 2}
                [1, 2]
                """, Format.JSONL)) {
            SourceRow first = source.next();
            assertThat(first.get("id")).isEqualTo("1");
            assertThat(first.get("customer.email")).isEqualTo("a@b.c");
            assertThat(first.get("customer.tags")).isEqualTo("x;y");
            assertThat(first.get("note")).isNull();
            assertThat(source.next().line()).isEqualTo(3);
            assertThatThrownBy(source::next)
                    .isInstanceOf(MalformedFileException.class)
                    .hasMessageContaining("line 4")
                    .hasMessageContaining("one JSON object");
        }
        try (RowSource source = open("{\"id\": 1}\n{\"id\": 2,, }\n", Format.JSONL)) {
            source.next();
            assertThatThrownBy(source::next)
                    .isInstanceOf(MalformedFileException.class)
                    .hasMessageContaining("line 2, column")
                    .hasMessageContaining("not valid JSON");
        }
    }
}
