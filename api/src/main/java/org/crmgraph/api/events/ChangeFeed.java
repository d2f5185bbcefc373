package org.crmgraph.api.events;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.crmgraph.graph.outbox.ChangeEvent;
import org.crmgraph.graph.outbox.ChangeLogAdvanced;
import org.crmgraph.graph.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

/**
 * The change log as a live stream on this instance: one reader polls the log for events committed after the last one
 * it saw (on any instance) and hands them to every subscriber here, so subscribers cost no queries of their own. A
 * change committed on this instance wakes the reader at once. A subscriber that comes back with the last position it
 * saw is first given what it missed from the log (within retention), then the live events, without gaps or repeats.
 */
@Component
public class ChangeFeed implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    private static final int BATCH = 500;

    private final Outbox outbox;
    private final EventsProperties properties;
    private final SharedReads reads;
    private final Sinks.Many<ChangeEvent> live = Sinks.many().multicast().directBestEffort();
    private final AtomicLong seen = new AtomicLong(-1);
    private final AtomicLong idlePolls = new AtomicLong();
    // read and written on the reader thread only, read elsewhere to decide whether to wake it
    private volatile boolean idle = true;
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(
                () -> {
                    org.crmgraph.graph.cypher.CypherRunner.markBackgroundThread();
                    r.run();
                },
                "change-feed");
        thread.setDaemon(true);
        return thread;
    });
    private final reactor.core.scheduler.Scheduler readerScheduler =
            reactor.core.scheduler.Schedulers.fromExecutorService(reader);

    ChangeFeed(Outbox outbox, EventsProperties properties, SharedReads reads) {
        this.outbox = outbox;
        this.properties = properties;
        this.reads = reads;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        // live subscribers start at the present; the past is for those who ask with a position
        seen.set(outbox.head());
        reader.scheduleWithFixedDelay(
                this::readSafely, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        reader.scheduleWithFixedDelay(this::purgeSafely, 1, 60, TimeUnit.MINUTES);
    }

    /** Events committed on this instance were numbered: read them now rather than at the next poll. */
    @EventListener
    void committedHere(ChangeLogAdvanced advanced) {
        if (seen.get() >= 0 && live.currentSubscriberCount() > 0) {
            reader.execute(this::readSafely);
        }
    }

    /**
     * Events after {@code after} (from the log, then live), or only live ones when {@code after} is null.
     *
     * @throws IllegalArgumentException when {@code after} is older than what the log still keeps
     */
    public Flux<ChangeEvent> events(Long after) {
        if (after == null) {
            // the sink drops what a subscriber has no demand for; this buffer gives each one its own slack, and ends
            // a subscriber that falls further behind with an error (it resumes with its last position)
            // each subscriber's work (its filters, the GraphQL execution, the send) on the parallel workers, so the
            // reader hands a batch out and reads on, and a hundred subscribers use every core
            return live.asFlux()
                    .onBackpressureBuffer(properties.subscriberBuffer())
                    .publishOn(Schedulers.parallel())
                    .doOnSubscribe(subscription -> wake());
        }
        // subscribe to live events first and keep them while the gap is read from the log, then drop repeats
        return Flux.defer(() -> {
            // bounded like a live subscriber's buffer: one that reconnects and then reads nothing gets an error once it
            // is full, instead of the server keeping every event for it (the first version's queue had no bound)
            Sinks.Many<ChangeEvent> meanwhile = Sinks.many()
                    .unicast()
                    .onBackpressureBuffer(Queues.<ChangeEvent>get(properties.subscriberBuffer())
                            .get());
            reactor.core.Disposable tap = live.asFlux().subscribe(event -> {
                if (meanwhile.tryEmitNext(event).isFailure()) {
                    meanwhile.tryEmitError(Exceptions.failWithOverflow("More than " + properties.subscriberBuffer()
                            + " events waiting for this subscriber; resume with `after` its last position"));
                }
            });
            wake();
            AtomicLong last = new AtomicLong(after);
            // read on the reader's thread after the wake-up queued above: the log is then read up to at least where
            // the live events start, so nothing falls between the two
            Flux<ChangeEvent> missed = Flux.defer(
                            () -> Flux.fromIterable(outbox.after(after, properties.replayLimit())))
                    .subscribeOn(readerScheduler);
            return Flux.concat(missed, meanwhile.asFlux().publishOn(Schedulers.parallel()))
                    .filter(event -> {
                        if (event.position() <= last.get()) {
                            return false;
                        }
                        last.set(event.position());
                        return true;
                    })
                    .doFinally(signal -> tap.dispose());
        });
    }

    /**
     * Whether the live reader follows the log now: a live subscriber gets what commits after this is true (the first
     * subscriber of an idle feed wakes it, and it starts from the head it then reads).
     */
    boolean following() {
        return !idle;
    }

    /**
     * With nobody subscribed this instance reads nothing (no queries for an idle feature); the first subscriber makes
     * it start again from the log's head, the present.
     */
    private void wake() {
        if (idle) {
            reader.execute(this::readSafely);
        }
    }

    private void readSafely() {
        if (live.currentSubscriberCount() == 0) {
            idle = true;
            return;
        }
        try {
            if (idle) {
                seen.set(outbox.head());
                idle = false;
            }
            List<ChangeEvent> batch;
            do {
                batch = outbox.after(seen.get(), BATCH);
                reads.prefetch(batch);
                for (ChangeEvent event : batch) {
                    live.tryEmitNext(event);
                    seen.set(event.position());
                }
            } while (batch.size() == BATCH);
            // a log that went backwards (the database restored from a backup, or wiped): follow it from its head
            if (batch.isEmpty() && idlePolls.incrementAndGet() % 25 == 0) {
                long head = outbox.head();
                if (head < seen.get()) {
                    log.warn(
                            "the change log's head {} is behind position {} seen here; following it from {}",
                            head,
                            seen.get(),
                            head);
                    seen.set(head);
                }
            }
        } catch (RuntimeException e) {
            // the database away for a moment: the next poll catches up from the same position
            log.debug("change feed read failed, retrying at the next poll: {}", e.toString());
        }
    }

    private void purgeSafely() {
        try {
            long deleted = outbox.purge(properties.retention());
            if (deleted > 0) {
                log.info("change log: deleted {} events older than {}", deleted, properties.retention());
            }
        } catch (RuntimeException e) {
            log.warn("change log purge failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        reader.shutdownNow();
    }
}
