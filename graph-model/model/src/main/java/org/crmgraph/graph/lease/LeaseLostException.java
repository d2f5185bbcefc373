package org.crmgraph.graph.lease;

/** A job's lease expired (or was taken over) while it ran; the job stops after the work it already committed. */
public class LeaseLostException extends IllegalStateException {

    public LeaseLostException(String name) {
        super("the lease '" + name + "' was lost while the job ran (it expired, or another instance took it over); "
                + "the job stopped after its last committed step");
    }
}
