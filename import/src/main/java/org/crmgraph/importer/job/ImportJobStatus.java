package org.crmgraph.importer.job;

public enum ImportJobStatus {
    /** accepted, not started yet */
    QUEUED,
    RUNNING,
    SUCCEEDED,
    /** stopped by a fatal error (malformed file, lost database): every batch before it is committed */
    FAILED,
    /** the process stopped while the job ran (found at the next start); re-run the import to catch up */
    INTERRUPTED
}
