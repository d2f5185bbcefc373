package org.crmgraph.language.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledQuestionsTests {

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("q.csv");
        Files.writeString(
                file,
                "text,category\r\n\"Hi, is my \"\"card\"\" here?\",card_arrival\n\"two\nlines\",other\nplain text,other\n");
        assertThat(LabelledQuestions.read(file))
                .containsExactly(
                        new LabelledQuestion("Hi, is my \"card\" here?", "card_arrival"),
                        new LabelledQuestion("two\nlines", "other"),
                        new LabelledQuestion("plain text", "other"));
    }

    @Test
    void aWrongHeaderOrAnEmptyLabelIsRefusedWithTheRow(@TempDir Path folder) throws Exception {
        Path wrongHeader = folder.resolve("h.csv");
        Files.writeString(wrongHeader, "question,label\nhi,x\n");
        assertThatThrownBy(() -> LabelledQuestions.read(wrongHeader)).hasMessageContaining("no column text");
        Path emptyLabel = folder.resolve("e.csv");
        Files.writeString(emptyLabel, "text,category\nhi,x\nhello,\n");
        assertThatThrownBy(() -> LabelledQuestions.read(emptyLabel)).hasMessageContaining("row 2");
    }
}
