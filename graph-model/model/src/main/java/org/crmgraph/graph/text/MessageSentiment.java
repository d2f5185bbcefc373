package org.crmgraph.graph.text;

import org.neo4j.driver.Value;

/**
 * The sentiment the language module read from a message (a ticket, an interaction), as stored on its node:
 * {@code sentiment} (NEGATIVE, NEUTRAL, POSITIVE), {@code sentimentConfidence} and {@code sentimentModel}.
 */
public record MessageSentiment(String label, double confidence, String model) {

    /** The sentiment stored on a node (or a map projection of one); null when none was read yet. */
    public static MessageSentiment of(Value node) {
        Value label = node.get("sentiment");
        if (label.isNull()) {
            return null;
        }
        return new MessageSentiment(
                label.asString(),
                node.get("sentimentConfidence").asDouble(0),
                node.get("sentimentModel").asString(""));
    }
}
