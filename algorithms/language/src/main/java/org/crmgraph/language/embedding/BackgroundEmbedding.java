package org.crmgraph.language.embedding;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crmgraph.language.SupportProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the embedding backfill on one background thread after writes and imports, so neither waits for the
 * model. Requests made while a pass is queued fold into it; one made while a pass runs queues one more, which
 * picks up what changed during the first.
 */
@Component
public class BackgroundEmbedding implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundEmbedding.class);

    private final EmbeddingBackfill backfill;
    private final boolean enabled;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("embedding-backfill").daemon().factory());

    public BackgroundEmbedding(EmbeddingBackfill backfill, SupportProperties properties) {
        this.backfill = backfill;
        this.enabled = properties.embedInBackground();
    }

    /** Asks for a backfill pass soon; returns at once. Does nothing when background embedding is off. */
    public void request() {
        if (!enabled || !queued.compareAndSet(false, true)) {
            return;
        }
        executor.execute(() -> {
            queued.set(false);
            try {
                BackfillReport report = backfill.run((done, total) -> {});
                if (report.embedded() > 0 || report.ticketsRouted() > 0) {
                    log.info(
                            "Embedded {} ticket(s) and {} article(s) in {} ms ({} sentences/s); routed {} open ticket(s)",
                            report.ticketsEmbedded(),
                            report.articlesEmbedded(),
                            report.millis(),
                            Math.round(report.sentencesPerSecond()),
                            report.ticketsRouted());
                }
            } catch (RuntimeException e) {
                // the next request retries; what failed stays stale and is found again
                log.warn("Background embedding failed: {}", e.getMessage(), e);
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
