package org.crmgraph.language.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.crmgraph.language.LabelledTexts;

/** Reads a labelled question file: CSV with a header naming the columns {@code text} and {@code category} (BANKING77's layout). */
public final class LabelledQuestions {

    private static final int MAX_QUESTIONS = 1_000_000;

    private LabelledQuestions() {}

    public static List<LabelledQuestion> read(Path file) throws IOException {
        return LabelledTexts.read(file, "text", "category", MAX_QUESTIONS).stream()
                .map(row -> new LabelledQuestion(row.text(), row.label()))
                .toList();
    }
}
