package org.crmgraph.language.embedding;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crmgraph.graph.text.Fingerprints;

/**
 * The text each node is embedded from. A ticket is its subject, body and, once solved, its resolution, so a
 * question finds the tickets that asked the same thing; an article is its title and body.
 */
public final class SupportTexts {

    private SupportTexts() {}

    public static String ticket(String subject, String body, String resolution) {
        return join(subject, body, resolution);
    }

    public static String article(String title, String body) {
        return join(title, body);
    }

    private static String join(String... parts) {
        return Stream.of(parts)
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    /** A fingerprint of the text and the model, so an unchanged text is not embedded again and a new model re-embeds all. */
    public static long fingerprint(String text, String model) {
        return Fingerprints.of(model, text);
    }
}
