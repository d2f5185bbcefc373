package org.crmgraph.language.classifier;

import java.time.ZonedDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A trained ticket classifier as stored on {@code (:TicketClassifier)}: its version, what it was trained on and
 * how it did on the held-out tickets. {@code accuracy} and {@code macroF1} are null without a held-out split.
 * A training that fine-tuned the encoder also reports the held-out accuracy with the frozen and with the tuned
 * encoder; {@code encoderVersion} names the tuned encoder when it won (null: the frozen encoder serves), and then
 * the held-out tickets' nearest-ticket accuracy through each encoder (the tuned one searches when it is higher).
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
        long trainingMillis,
        @Nullable Long encoderVersion,
        @Nullable Double frozenEncoderAccuracy,
        @Nullable Double tunedEncoderAccuracy,
        @Nullable Double tunedRetrievalAccuracy,
        @Nullable Double frozenRetrievalAccuracy) {}
