package org.crmgraph.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledTextsTests {

    @TempDir
    Path dir;

    @Test
    void readsTwoNamedColumnsOfQuotedMultiLineCsv() throws Exception {
        Path file = dir.resolve("tweets.csv");
        Files.writeString(file, "id,label,text\n1,negative,\"late, again\"\n\n2,Positive,\"thanks\nso much\"\n");
        assertThat(LabelledTexts.read(file, "text", "label", 10))
                .containsExactly(
                        new LabelledTexts.Row("late, again", "negative", 1),
                        new LabelledTexts.Row("thanks\nso much", "Positive", 2));
    }

    @Test
    void aMissingColumnAnEmptyCellOrTooManyRowsIsAnErrorNamingIt() throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "text,label\nfine,negative\n,positive\n");
        assertThatThrownBy(() -> LabelledTexts.read(file, "text", "sentiment", 10))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("no column sentiment")
                .extracting(e -> ((InvalidArgumentException) e).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThatThrownBy(() -> LabelledTexts.read(file, "text", "label", 10))
                .hasMessageContaining("row 2")
                .hasMessageContaining("text column is empty");
        assertThatThrownBy(() -> LabelledTexts.read(file, "text", "label", 1)).hasMessageContaining("more than 1 rows");
        assertThatThrownBy(() -> LabelledTexts.read(dir.resolve("none.csv"), "text", "label", 1))
                .hasMessageContaining("No file");
    }
}
