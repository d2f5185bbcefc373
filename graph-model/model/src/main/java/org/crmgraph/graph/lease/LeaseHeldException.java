package org.crmgraph.graph.lease;

import java.time.OffsetDateTime;

/** The job is running elsewhere (or here): who holds its lease and until when, unless renewed. */
public class LeaseHeldException extends RuntimeException {

    private final String owner;

    public LeaseHeldException(String name, String owner, OffsetDateTime expiresAt) {
        super("'" + name + "' is running on " + owner + " (lease until " + expiresAt + " unless renewed)");
        this.owner = owner;
    }

    public String owner() {
        return owner;
    }
}
