package org.crmgraph.graph.lease;

/**
 * A job's hold on its name across all instances, renewed in the background until closed. Close it in
 * {@code try-with-resources}; an owner that dies without closing loses it when it expires.
 */
public interface Lease extends AutoCloseable {

    String name();

    /** Whether the last renewal found the lease still ours (false once it expired and another owner took it). */
    boolean held();

    /**
     * For a job to call between its steps or batches: a job whose lease was lost must stop, because another instance
     * may be running the same job by now.
     *
     * @throws LeaseLostException when the lease is no longer held
     */
    default void ensureHeld() {
        if (!held()) {
            throw new LeaseLostException(name());
        }
    }

    @Override
    void close();
}
