package org.crmgraph.analytics;

/** The Neo4j the service talks to has no Graph Data Science procedures; analytics cannot run until it has. */
public class GdsUnavailableException extends RuntimeException {

    static final String MESSAGE = "Graph Data Science is not available on this Neo4j (%s). With the embedded Neo4j "
            + "set crm.embedded.gds=true; on an external server install the GDS plugin (2.x) and allow its "
            + "procedures (dbms.security.procedures.unrestricted=gds.*).";

    public GdsUnavailableException(Throwable cause) {
        super(
                MESSAGE.formatted(cause.getMessage() == null ? "no GDS procedure" : firstSentence(cause.getMessage())),
                cause);
    }

    /** True for the driver's "no such procedure / unknown function" errors about a {@code gds.*} name. */
    public static boolean isMissingGds(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("gds.")
                    && (message.contains("no procedure with the name")
                            || message.contains("Unknown function")
                            || message.contains("Unknown procedure"))) {
                return true;
            }
        }
        return false;
    }

    private static String firstSentence(String message) {
        int end = message.indexOf(". ");
        return end < 0 ? message : message.substring(0, end);
    }
}
