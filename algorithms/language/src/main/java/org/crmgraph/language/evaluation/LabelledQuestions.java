package org.crmgraph.language.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a labelled question file: RFC 4180 CSV with a header naming the columns {@code text} and
 * {@code category} (BANKING77's layout). Small on purpose: the import module's reader serves the graph import,
 * and the algorithms module does not depend on it.
 */
public final class LabelledQuestions {

    private LabelledQuestions() {}

    public static List<LabelledQuestion> read(Path file) throws IOException {
        List<List<String>> rows = parse(file);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty");
        }
        List<String> header = rows.getFirst();
        int text = header.indexOf("text");
        int category = header.indexOf("category");
        if (text < 0 || category < 0) {
            throw new IllegalArgumentException(
                    file + " must have the columns text and category; its header is " + header);
        }
        List<LabelledQuestion> questions = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() == 1 && row.getFirst().isBlank()) {
                continue;
            }
            if (row.size() <= Math.max(text, category)
                    || row.get(text).isBlank()
                    || row.get(category).isBlank()) {
                throw new IllegalArgumentException(
                        file + " record " + (i + 1) + ": text and category must not be empty");
            }
            questions.add(new LabelledQuestion(
                    row.get(text).strip(), row.get(category).strip()));
        }
        return questions;
    }

    private static List<List<String>> parse(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int c;
            while ((c = reader.read()) != -1) {
                if (quoted) {
                    if (c == '"') {
                        reader.mark(1);
                        if (reader.read() == '"') {
                            field.append('"');
                        } else {
                            reader.reset();
                            quoted = false;
                        }
                    } else {
                        field.append((char) c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else if (c != '\r') {
                    field.append((char) c);
                }
            }
            if (!field.isEmpty() || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
        }
        return rows;
    }
}
