package org.crmgraph.importer;

/** An import that stopped: the message says where (line, column) and why; batches before it are committed. */
public class ImportFailedException extends RuntimeException {

    private final String jobId;

    public ImportFailedException(String jobId, String message, Throwable cause) {
        super(message, cause);
        this.jobId = jobId;
    }

    /** The job that recorded the failure, or {@code null} if it failed before a job was created. */
    public String jobId() {
        return jobId;
    }
}
