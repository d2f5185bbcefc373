package org.crmgraph.language;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sentiment ({@code crm.sentiment.*}).
 *
 * @param stronglyNegative        a message is strongly negative when the model says NEGATIVE with at least this
 *                                confidence: its ticket's suggested priority goes up one step, and a support answer
 *                                to it needs {@code negativeAutoReplyThreshold} to go out unchecked
 * @param negativeAutoReplyThreshold the answer confidence a strongly negative question needs for {@code AUTO_REPLY}
 *                                (below, a person checks the reply: {@code SUGGEST})
 * @param recentMessages          a customer's recent sentiment is the average of this many latest messages; the change
 *                                compares it with the average of as many before them
 * @param epochs                  training passes of a sentiment model
 * @param hidden                  hidden units of a sentiment model (0 gives logistic regression)
 * @param holdout                 share of a training file held out to validate the model
 * @param maxTrainingRows         a training file with more rows is refused
 */
@ConfigurationProperties("crm.sentiment")
public record SentimentProperties(
        Double stronglyNegative,
        Double negativeAutoReplyThreshold,
        Integer recentMessages,
        Integer epochs,
        Integer hidden,
        Double holdout,
        Integer maxTrainingRows) {

    public SentimentProperties {
        stronglyNegative = share(stronglyNegative, 0.95, "strongly-negative");
        negativeAutoReplyThreshold = share(negativeAutoReplyThreshold, 0.95, "negative-auto-reply-threshold");
        recentMessages = within(recentMessages, 5, 1, 1000, "recent-messages");
        epochs = within(epochs, 30, 1, 1000, "epochs");
        hidden = within(hidden, 256, 0, 4096, "hidden");
        holdout = share(holdout, 0.2, "holdout");
        if (holdout > 0.5) {
            throw new IllegalArgumentException("crm.sentiment.holdout must be at most 0.5, was " + holdout);
        }
        maxTrainingRows = within(maxTrainingRows, 1_000_000, 10, 100_000_000, "max-training-rows");
    }

    public static SentimentProperties defaults() {
        return new SentimentProperties(null, null, null, null, null, null, null);
    }

    private static int within(Integer value, int fallback, int min, int max, String name) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new IllegalArgumentException(
                    "crm.sentiment." + name + " must be between " + min + " and " + max + ", was " + v);
        }
        return v;
    }

    private static double share(Double value, double fallback, String name) {
        double v = value == null ? fallback : value;
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("crm.sentiment." + name + " must be between 0 and 1, was " + v);
        }
        return v;
    }
}
