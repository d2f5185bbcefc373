package org.crmgraph.analytics.refresh;

/** Another refresh is running, on this instance or another; refreshes are not queued, the caller may retry later. */
public class AnalyticsBusyException extends RuntimeException {

    public AnalyticsBusyException() {
        super("an analytics refresh is already running; try again when it has finished");
    }
}
