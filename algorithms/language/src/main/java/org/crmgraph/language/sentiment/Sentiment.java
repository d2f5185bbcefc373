package org.crmgraph.language.sentiment;

/**
 * A message's sentiment.
 *
 * @param confidence the model's probability for the label, 0 to 1
 * @param model      what produced it: {@code default-en}, {@code default-zh} or {@code v<version>} of a trained model
 */
public record Sentiment(SentimentLabel label, double confidence, String model) {

    /** Negative with at least this confidence: the message of an upset customer. */
    public boolean stronglyNegative(double threshold) {
        return label == SentimentLabel.NEGATIVE && confidence >= threshold;
    }
}
