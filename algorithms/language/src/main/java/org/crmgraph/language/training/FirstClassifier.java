package org.crmgraph.language.training;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.crmgraph.graph.event.DemoDataLoaded;
import org.crmgraph.language.classifier.ClassifierReport;
import org.crmgraph.language.classifier.ClassifierTraining;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Trains a first ticket classifier in the background after the demo data's first load, so a new user's
 * answers and open tickets carry predicted categories without asking. Training embeds the tickets first. Off with
 * {@code crm.support.embed-in-background=false} (tests, the command line), like all background language work.
 */
@Component
@ConditionalOnBooleanProperty(name = "crm.support.embed-in-background", matchIfMissing = true)
class FirstClassifier implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FirstClassifier.class);

    private final TicketClassifierTrainer training;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("first-classifier").daemon().factory());

    FirstClassifier(TicketClassifierTrainer training) {
        this.training = training;
    }

    @EventListener
    void afterDemoData(DemoDataLoaded event) {
        schedule();
    }

    void schedule() {
        worker.execute(() -> {
            try {
                ClassifierReport report = training.train(ClassifierTraining.Options.defaults());
                log.info(
                        "First ticket classifier trained: version {}, validation accuracy {}",
                        report.version(),
                        report.accuracy());
            } catch (RuntimeException e) {
                log.warn("No first ticket classifier: {}", e.getMessage());
            }
        });
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
