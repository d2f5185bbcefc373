package org.crmgraph.graph.cypher;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Cypher scripts as we keep them in files: statements separated by semicolons, {@code //} comment lines. */
public final class CypherScripts {

    private CypherScripts() {}

    /** The script's statements, comment lines removed (before splitting: a comment may hold a semicolon). */
    public static List<String> statements(String script) {
        String code = script.lines().filter(l -> !l.strip().startsWith("//")).collect(Collectors.joining("\n"));
        return Arrays.stream(code.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
