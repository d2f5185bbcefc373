package org.crmgraph.graph.background;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pause of a background thread that polls the graph, cut short by a wake-up (a commit here, a stop). A wake-up that
 * comes while the thread is working is kept, so the next pause ends at once and no change waits a whole interval.
 */
public final class Wakeup {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean pending;

    /** Ends the current pause, or the next one if the thread is working. */
    public void wake() {
        lock.lock();
        try {
            pending = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Pauses for {@code pause} or until woken, whichever comes first.
     *
     * @return false when the thread was interrupted (it should end)
     */
    public boolean pause(Duration pause) {
        lock.lock();
        try {
            long nanos = pause.toNanos();
            while (!pending && nanos > 0) {
                nanos = woken.awaitNanos(nanos);
            }
            pending = false;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
