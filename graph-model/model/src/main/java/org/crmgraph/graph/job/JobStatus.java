package org.crmgraph.graph.job;

public enum JobStatus {
    RUNNING,
    SUCCEEDED,
    FAILED
}
