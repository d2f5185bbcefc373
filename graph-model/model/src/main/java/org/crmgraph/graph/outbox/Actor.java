package org.crmgraph.graph.outbox;

import java.util.function.Supplier;

/**
 * Who is making the changes on this thread, for the change log: the API binds the caller for a request, the import
 * and other background work their own name. Unbound, changes are the {@code system}'s.
 */
public final class Actor {

    public static final String SYSTEM = "system";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Actor() {}

    public static String current() {
        String actor = CURRENT.get();
        return actor == null ? SYSTEM : actor;
    }

    /** The bound actor, or null: what a context-propagation accessor carries to other threads. */
    public static String bound() {
        return CURRENT.get();
    }

    /** Binds {@code actor} (null unbinds): for a context-propagation accessor restoring it on another thread. */
    public static void restore(String actor) {
        if (actor == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(actor);
        }
    }

    /** Runs {@code work} with {@code actor} bound, then restores what was bound before. */
    public static <T> T as(String actor, Supplier<T> work) {
        String before = CURRENT.get();
        restore(actor);
        try {
            return work.get();
        } finally {
            restore(before);
        }
    }
}
