package org.crmgraph.graph.cypher;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Cypher scripts as we keep them in files: statements separated by semicolons, {@code //} comment lines. */
public final class CypherScripts {

    private CypherScripts() {}

    /** The script's statements, comment lines removed, blank ones dropped. */
    public static List<String> statements(String script) {
        return Arrays.stream(script.split(";"))
                .map(s -> s.lines()
                        .filter(l -> !l.strip().startsWith("//"))
                        .collect(Collectors.joining("\n"))
                        .strip())
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
