package org.crmgraph.importer.identity.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Given names that name the same person (William, Bill, Will, Liam), from {@code identity/nicknames.txt}. */
final class Nicknames {

    private static final Map<String, Set<Integer>> GROUPS = load();

    private Nicknames() {}

    /** Whether the two (normalised) names are in one group. */
    static boolean same(String a, String b) {
        Set<Integer> groups = GROUPS.get(a);
        if (groups == null) {
            return false;
        }
        Set<Integer> other = GROUPS.get(b);
        if (other == null) {
            return false;
        }
        for (Integer group : groups) {
            if (other.contains(group)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Set<Integer>> load() {
        Map<String, Set<Integer>> groups = new HashMap<>();
        try (InputStream in = Nicknames.class.getResourceAsStream("/identity/nicknames.txt")) {
            if (in == null) {
                throw new IllegalStateException("identity/nicknames.txt is missing from the classpath");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int group = 0;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                for (String name : line.strip().split("\\s+")) {
                    groups.computeIfAbsent(name, n -> new HashSet<>()).add(group);
                }
                group++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return groups;
    }
}
