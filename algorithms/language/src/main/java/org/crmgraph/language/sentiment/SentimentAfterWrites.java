package org.crmgraph.language.sentiment;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crmgraph.graph.event.DemoDataLoaded;
import org.crmgraph.graph.event.ImportFinished;
import org.crmgraph.graph.event.InteractionRecorded;
import org.crmgraph.graph.event.TicketOpened;
import org.crmgraph.graph.event.TicketResolved;
import org.crmgraph.graph.event.TicketUpdated;
import org.crmgraph.graph.lease.Lease;
import org.crmgraph.graph.lease.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads the sentiment of new and changed messages in the background, so writes never wait for the model: after
 * ticket writes, recorded interactions, imports and the demo data, and once a minute for what this instance did not
 * see happen (another instance's writes, a model trained by the {@code train-sentiment} command). Requests made while
 * a pass is queued fold into it; among instances, one reads at a time (a lease), and a request that finds another
 * reading is left to the next sweep. Off with {@code crm.support.embed-in-background=false}, like the embeddings.
 */
@Component
@ConditionalOnBooleanProperty(name = "crm.support.embed-in-background", matchIfMissing = true)
class SentimentAfterWrites implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SentimentAfterWrites.class);
    private static final long SWEEP_SECONDS = 60;

    /** One instance reads at a time: two would read the same messages twice. */
    static final String LEASE = "sentiment-backfill";

    private final SentimentBackfill backfill;
    private final Leases leases;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sentiment-backfill").daemon().factory());

    SentimentAfterWrites(SentimentBackfill backfill, Leases leases) {
        this.backfill = backfill;
        this.leases = leases;
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        executor.scheduleWithFixedDelay(this::request, 0, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    @EventListener({
        TicketOpened.class,
        TicketUpdated.class,
        TicketResolved.class,
        InteractionRecorded.class,
        DemoDataLoaded.class
    })
    void messagesChanged() {
        request();
    }

    @EventListener
    void importFinished(ImportFinished event) {
        if (event.rowsImported() > 0) {
            request();
        }
    }

    void request() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        executor.execute(() -> {
            queued.set(false);
            Optional<Lease> lease = leases.tryAcquire(LEASE);
            if (lease.isEmpty()) {
                // another instance is reading; what it listed before this write, the next sweep finds
                return;
            }
            try (Lease held = lease.get()) {
                SentimentBackfill.Report report = backfill.run();
                if (report.tickets() + report.interactions() > 0) {
                    log.info(
                            "Read the sentiment of {} ticket(s) and {} interaction(s) in {} ms; {} customer trend(s) updated",
                            report.tickets(),
                            report.interactions(),
                            report.millis(),
                            report.customers());
                }
            } catch (RuntimeException e) {
                // the next request retries; what failed stays stale and is found again
                log.warn("Background sentiment failed: {}", e.getMessage(), e);
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
