package org.crmgraph.language.classifier;

/**
 * An open ticket's suggested priority: the one the classifier gives its predicted category
 * ({@code classifiedPriority}), one step higher when the customer wrote it strongly negatively (NEGATIVE with at
 * least {@code $stronglyNegative} confidence; without a classifier, one step above the ticket's own priority).
 * Written by whichever pass comes second, routing or sentiment, so it never depends on their order.
 */
public final class SuggestedPriority {

    /** A Cypher expression over ticket {@code t}; needs the parameter {@code $stronglyNegative}. */
    public static final String OF_TICKET = """
            CASE WHEN t.sentiment = 'NEGATIVE' AND t.sentimentConfidence >= $stronglyNegative
                 THEN CASE coalesce(t.classifiedPriority, t.priority)
                        WHEN 'LOW' THEN 'MEDIUM' WHEN 'MEDIUM' THEN 'HIGH' ELSE 'URGENT' END
                 ELSE t.classifiedPriority END""";

    private SuggestedPriority() {}

    /** One step up, as {@link #OF_TICKET} raises it; null stays null. */
    public static String raise(String priority) {
        if (priority == null) {
            return null;
        }
        return switch (priority) {
            case "LOW" -> "MEDIUM";
            case "MEDIUM" -> "HIGH";
            default -> "URGENT";
        };
    }
}
