package org.crmgraph.importer.mapping;

import java.util.Locale;
import java.util.Optional;

/** How a person in a row is recognised as a customer already in the graph, tried in the mapping's order. */
public enum MatchRule {
    /** the same id in the same source: a SourceRecord already resolved to a customer */
    EXTERNAL_ID,
    /** the same normalised e-mail address */
    EMAIL,
    /** the same E.164 phone number */
    PHONE;

    public static Optional<MatchRule> byKey(String key) {
        try {
            return Optional.of(valueOf(key.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
