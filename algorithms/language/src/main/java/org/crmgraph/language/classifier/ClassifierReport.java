package org.crmgraph.language.classifier;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * A trained ticket classifier as stored on {@code (:TicketClassifier)}: its version, what it was trained on and
 * how it did on the held-out tickets. {@code accuracy} and {@code macroF1} are null without a held-out split.
 */
public record ClassifierReport(
        long version,
        boolean current,
        ZonedDateTime trainedAt,
        List<String> categories,
        int trainSize,
        int validationSize,
        Double accuracy,
        Double macroF1,
        Double majorityBaseline,
        int epochs,
        int hidden,
        long trainingMillis) {}
