package org.crmgraph.graph.customer;

import org.neo4j.driver.Value;

/**
 * How a customer's messages have sounded lately: the average of the latest ones ({@code -confidence} for negative,
 * {@code +confidence} for positive, 0 for neutral, so -1 to 1), its change from as many before them (null until
 * there are), and how many messages were counted.
 */
public record SentimentTrend(double recent, Double change, int messages) {

    static SentimentTrend of(Value node) {
        if (node.get("sentimentRecent").isNull()) {
            return null;
        }
        return new SentimentTrend(
                node.get("sentimentRecent").asDouble(),
                node.get("sentimentChange").isNull()
                        ? null
                        : node.get("sentimentChange").asDouble(),
                node.get("sentimentMessages").asInt(0));
    }
}
