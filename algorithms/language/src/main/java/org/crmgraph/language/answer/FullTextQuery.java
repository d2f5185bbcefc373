package org.crmgraph.language.answer;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question as a query of the full-text indexes: the identifiers in it, the words the embedding model reads worst
 * (product codes, order and error numbers: "E-4711", "XR200", "order 100234"). An identifier is a run of letters
 * and digits, possibly joined by {@code - _ . /}, with a digit and a letter or with three digits; each becomes a quoted phrase of its
 * lower-cased parts (the index's analyzer splits "E-4711" the same way), so nothing in a question is read as Lucene
 * syntax. A question without identifiers searches by meaning only: ordinary words in the full-text ranking would
 * outvote closer meanings in the fusion.
 */
final class FullTextQuery {

    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}\\p{N}]+(?:[-_./][\\p{L}\\p{N}]+)*");
    private static final Pattern PART = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_IDENTIFIERS = 16;

    private FullTextQuery() {}

    /** The query, or null when the question names no identifier. */
    static String of(String question) {
        Set<String> phrases = new LinkedHashSet<>();
        Matcher identifiers = IDENTIFIER.matcher(question);
        while (identifiers.find() && phrases.size() < MAX_IDENTIFIERS) {
            String identifier = identifiers.group();
            long digits = identifier.chars().filter(Character::isDigit).count();
            boolean letters = identifier.chars().anyMatch(Character::isLetter);
            // "2 days" or "$20" are no identifiers; "E-4711", "XR200" and "100234" are
            if (digits == 0 || (!letters && digits < 3)) {
                continue;
            }
            StringBuilder phrase = new StringBuilder();
            Matcher parts = PART.matcher(identifier);
            while (parts.find()) {
                phrase.append(phrase.isEmpty() ? "" : " ").append(parts.group().toLowerCase(Locale.ROOT));
            }
            phrases.add("\"" + phrase + "\"");
        }
        return phrases.isEmpty() ? null : String.join(" ", phrases);
    }
}
