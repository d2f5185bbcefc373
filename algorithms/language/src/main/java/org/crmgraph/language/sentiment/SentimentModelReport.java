package org.crmgraph.language.sentiment;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * A trained sentiment model's version and how it validated on the messages held out of its training file, beside
 * the default model (example sentences) and the commonest label on the same messages.
 */
public record SentimentModelReport(
        long version,
        boolean current,
        ZonedDateTime trainedAt,
        String dataset,
        List<String> labels,
        int trainSize,
        int validationSize,
        Double accuracy,
        Double macroF1,
        Double defaultAccuracy,
        Double defaultMacroF1,
        Double majorityBaseline,
        int epochs,
        int hidden,
        long trainingMillis) {}
