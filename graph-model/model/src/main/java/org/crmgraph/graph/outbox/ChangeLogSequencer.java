package org.crmgraph.graph.outbox;

import java.time.Duration;
import org.crmgraph.graph.background.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Numbers committed change events ({@link Outbox#sequence}) on a thread of its own: woken by every commit on this
 * instance that wrote events, so they get their position milliseconds after the commit without the writer waiting,
 * and sweeping every {@link #SWEEP} for events an instance committed but did not number before it died. Every
 * instance runs one; they take turns on the sequence node's lock, and whichever comes first numbers what is waiting.
 */
@Component
public class ChangeLogSequencer implements SmartLifecycle {

    static final Duration SWEEP = Duration.ofSeconds(2);
    static final Duration SPACING = Duration.ofMillis(50);
    private static final Logger log = LoggerFactory.getLogger(ChangeLogSequencer.class);
    private static final int BATCH = 1_000;

    private final Outbox outbox;
    private final ApplicationEventPublisher publisher;
    // numbering rounds at most every SPACING: under a stream of writes each round numbers the commits of its moment in
    // one transaction, and every reader of the log (subscribers, webhooks, Kafka) then wakes once for them; each round
    // commits to disk like a write does, so one round per write would double the commits a busy instance makes
    private final BackgroundLoop loop =
            new BackgroundLoop("change-log-sequencer", this::sequenceRound, SWEEP, SPACING, log);

    public ChangeLogSequencer(Outbox outbox, ApplicationEventPublisher publisher) {
        this.outbox = outbox;
        this.publisher = publisher;
        outbox.onCommitted(this::wake);
    }

    void wake() {
        loop.wake();
    }

    @Override
    public void start() {
        loop.start(Duration.ZERO);
    }

    /** Numbers what is left before the process goes, so a stopped instance leaves nothing for the others' sweep. */
    @Override
    public void stop() {
        loop.stop(Duration.ofSeconds(10));
        sequenceAll();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    // stops after the web server (phase MAX_VALUE - 2048), so the last requests' events are numbered too, and before
    // the database's beans are destroyed
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }

    private Duration sequenceRound() {
        sequenceAll();
        return SWEEP;
    }

    private void sequenceAll() {
        try {
            int total = 0;
            int sequenced;
            do {
                sequenced = outbox.sequence(BATCH);
                total += sequenced;
            } while (sequenced == BATCH);
            if (total > 0) {
                publisher.publishEvent(new ChangeLogAdvanced(total));
            }
        } catch (RuntimeException e) {
            // the database away for a moment: the next wake-up or sweep numbers them
            log.warn("Could not number committed change events, retrying: {}", e.toString());
        }
    }
}
