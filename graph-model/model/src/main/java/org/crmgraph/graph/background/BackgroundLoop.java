package org.crmgraph.graph.background;

import java.time.Duration;
import org.crmgraph.graph.cypher.CypherRunner;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * One background thread that works in rounds against the graph: a round says how long to pause before the next, a
 * {@link #wake()} cuts the pause short, a round that throws is logged and retried after {@code retryAfter} (the
 * database away for a moment must not end the thread), and {@link #stop} ends the thread within a patience. The change
 * log's sequencer and consumers, the webhook dispatcher and the knowledge-gap watch each run one; their
 * {@code SmartLifecycle} only decides when.
 */
public final class BackgroundLoop {

    /** One round of work. */
    @FunctionalInterface
    public interface Round {
        /** Does the work; the pause before the next round ({@link Duration#ZERO} when there is more to do now). */
        Duration run();
    }

    private final String name;
    private final Round round;
    private final Duration retryAfter;
    private final long spacingNanos;
    private final Logger log;
    private final Wakeup wakeup = new Wakeup();
    private volatile boolean running;
    private long lastRoundStarted; // System.nanoTime(), the worker thread's own
    private boolean anyRound;
    private @Nullable Thread worker;

    /**
     * @param name the thread's name, and how the log names a failed round
     * @param round the work
     * @param retryAfter the pause after a round that threw
     * @param spacing the least time from the start of one round to the start of the next that a wake-up brings on
     *     ({@link Duration#ZERO} for none): the wake-ups of a busy moment are served together by one round, while the
     *     first after a quiet spell is served at once
     * @param log where failed rounds are reported
     */
    public BackgroundLoop(String name, Round round, Duration retryAfter, Duration spacing, Logger log) {
        this.name = name;
        this.round = round;
        this.retryAfter = retryAfter;
        this.spacingNanos = spacing.toNanos();
        this.log = log;
    }

    /** Starts the thread; its first round comes after {@code firstPause} (or a wake-up). */
    public synchronized void start(Duration firstPause) {
        if (running) {
            return;
        }
        running = true;
        Thread thread = Thread.ofPlatform().name(name).daemon().unstarted(() -> run(firstPause));
        worker = thread;
        thread.start();
    }

    /** Ends the current pause (or the next, when a round is running). */
    public void wake() {
        wakeup.wake();
    }

    /** Asks the thread to end and waits up to {@code patience} for its round to finish. */
    public void stop(Duration patience) {
        Thread thread;
        synchronized (this) {
            running = false;
            thread = worker;
            worker = null;
        }
        wakeup.wake();
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(patience.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void run(Duration firstPause) {
        CypherRunner.markBackgroundThread();
        Duration pause = firstPause;
        while (true) {
            if (!pause.isZero() && !pauseFor(pause)) {
                return;
            }
            if (!running) {
                return;
            }
            lastRoundStarted = System.nanoTime();
            anyRound = true;
            try {
                pause = round.run();
            } catch (RuntimeException e) {
                log.warn("{}: round failed, retrying in {}: {}", name, retryAfter, e.toString());
                pause = retryAfter;
            }
            if (!running) {
                return;
            }
        }
    }

    /** False when the thread was interrupted and should end. */
    private boolean pauseFor(Duration pause) {
        if (!wakeup.pause(pause)) {
            return false;
        }
        long wait = lastRoundStarted + spacingNanos - System.nanoTime();
        if (!anyRound || wait <= 0 || !running) {
            return true;
        }
        try {
            Thread.sleep(Duration.ofNanos(wait));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
