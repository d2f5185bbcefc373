package org.crmgraph.importer.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.crmgraph.graph.text.Fingerprints;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Lines: one JSON object per line. Nested objects become dotted columns
 * ({@code {"customer":{"email":..}}} is column {@code customer.email}); arrays of values are
 * joined with {@code ;}.
 */
public final class JsonLinesRowSource implements RowSource {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final CountingInputStream counter;
    private final BufferedReader text;
    private long line;

    private final ReadLimits limits;

    public JsonLinesRowSource(CountingInputStream counter) {
        this(counter, ReadLimits.DEFAULTS);
    }

    public JsonLinesRowSource(CountingInputStream counter, ReadLimits limits) {
        this.counter = counter;
        this.limits = limits;
        try {
            this.text = new BufferedReader(SourceFiles.open(counter, limits), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> columns() {
        return List.of();
    }

    @Override
    public SourceRow next() {
        while (true) {
            String content;
            try {
                content = boundedLine();
            } catch (CharacterCodingException e) {
                throw new MalformedFileException(line + 1, 1, "the file is not UTF-8 text (" + e.getMessage() + ")");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (content == null) {
                return null;
            }
            line++;
            if (line == 1 && !content.isEmpty() && content.charAt(0) == '\uFEFF') {
                content = content.substring(1);
            }
            if (content.isBlank()) {
                continue;
            }
            return parse(line, content, limits);
        }
    }

    /**
     * One line of JSON Lines as a record: {@code line} is its number in its file or request, for messages.
     *
     * @throws MalformedFileException when the line is not one JSON object, or holds a value past the limits
     */
    public static SourceRow parse(long line, String content, ReadLimits limits) {
        JsonNode node;
        try {
            node = JSON.readTree(content);
        } catch (JacksonException e) {
            int column =
                    e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
            throw new MalformedFileException(line, column, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new MalformedFileException(line, 1, "each line must be one JSON object");
        }
        Map<String, String> values = new HashMap<>();
        flatten("", node, values);
        for (var value : values.entrySet()) {
            if (value.getValue().length() > limits.maxFieldLength()) {
                throw new MalformedFileException(
                        line,
                        1,
                        "the value of '" + value.getKey() + "' is longer than " + limits.maxFieldLength()
                                + " characters (crm.import.max-field-length)");
            }
        }
        return new Row(line, values, content);
    }

    /** The next line without its end, or null at the end; a line past the bound fails before it is all read. */
    private String boundedLine() throws IOException {
        int max = Math.min(limits.maxLineLength(), limits.maxRecordLength());
        StringBuilder content = new StringBuilder();
        int c;
        while ((c = text.read()) >= 0) {
            if (c == '\n') {
                return content.toString();
            }
            if (c != '\r') {
                content.append((char) c);
                if (content.length() > max) {
                    throw new MalformedFileException(
                            line + 1,
                            max + 1,
                            "a line longer than " + max + " characters (crm.import.max-line-length)");
                }
            }
        }
        return c < 0 && content.isEmpty() ? null : content.toString();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> values) {
        for (var property : node.properties()) {
            String name = prefix + property.getKey();
            JsonNode value = property.getValue();
            if (value.isObject()) {
                flatten(name + ".", value, values);
            } else if (value.isArray()) {
                var joined = new StringJoiner(";");
                value.values().forEach(item -> joined.add(item.isNull() ? "" : item.asString()));
                values.put(name, joined.toString());
            } else if (!value.isNull()) {
                values.put(name, value.asString());
            }
        }
    }

    @Override
    public long bytesRead() {
        return counter.count();
    }

    @Override
    public void close() {
        try {
            text.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Row(long line, Map<String, String> values, String content) implements SourceRow {

        @Override
        public String get(String column) {
            return values.get(column);
        }

        @Override
        public long fingerprint() {
            return Fingerprints.finish(Fingerprints.add(Fingerprints.start(), content.strip()));
        }
    }
}
