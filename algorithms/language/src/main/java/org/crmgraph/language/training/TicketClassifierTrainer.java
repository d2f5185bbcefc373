package org.crmgraph.language.training;

import org.crmgraph.language.classifier.ClassifierReport;
import org.crmgraph.language.classifier.ClassifierTraining;
import org.crmgraph.language.embedding.BackgroundEmbedding;
import org.crmgraph.language.embedding.EmbeddingBackfill;
import org.springframework.stereotype.Component;

/**
 * A training as the mutation, the command and the demo start-up run it: labelled tickets written moments ago
 * are embedded first (they may still wait for the background pass), and afterwards open tickets are routed
 * again by the new version, in the background.
 */
@Component
public class TicketClassifierTrainer {

    private final EmbeddingBackfill backfill;
    private final ClassifierTraining training;
    private final BackgroundEmbedding background;

    TicketClassifierTrainer(EmbeddingBackfill backfill, ClassifierTraining training, BackgroundEmbedding background) {
        this.backfill = backfill;
        this.training = training;
        this.background = background;
    }

    public ClassifierReport train(ClassifierTraining.Options options) {
        backfill.run((done, total) -> {});
        ClassifierReport report = training.train(options);
        background.request();
        return report;
    }
}
