package org.crmgraph.graph.cypher;

import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The moment by which the database work of the current request must be done. The API sets it from the request
 * timeout; {@link CypherRunner} gives every transaction opened before then a Neo4j transaction timeout of the time
 * left, so a request that times out stops its queries in the database too instead of leaving them running. Work
 * outside a request (jobs, imports, the command line) has no deadline.
 */
public final class TransactionDeadline {

    private static final ThreadLocal<@Nullable Long> DEADLINE = new ThreadLocal<>();

    private TransactionDeadline() {}

    /** Runs {@code work} with a deadline {@code timeout} from now on this thread (an outer, earlier one stays). */
    public static <T> T within(Duration timeout, Supplier<T> work) {
        Long outer = DEADLINE.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        if (outer != null && outer - deadline < 0) {
            deadline = outer;
        }
        DEADLINE.set(deadline);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(outer);
            }
        }
    }

    /** The time left, or null when this thread has no deadline; zero or negative once it passed. */
    public static @Nullable Duration remaining() {
        Long deadline = DEADLINE.get();
        return deadline == null ? null : Duration.ofNanos(deadline - System.nanoTime());
    }

    /** For context propagation to other threads: the raw deadline, to be restored with {@link #restore}. */
    public static @Nullable Long current() {
        return DEADLINE.get();
    }

    public static void restore(@Nullable Long deadline) {
        if (deadline == null) {
            DEADLINE.remove();
        } else {
            DEADLINE.set(deadline);
        }
    }

    /** Thrown instead of opening a transaction once the request's deadline has passed. */
    public static final class Exceeded extends RuntimeException {
        public Exceeded() {
            super("the request's time ran out before its database work could start");
        }
    }
}
