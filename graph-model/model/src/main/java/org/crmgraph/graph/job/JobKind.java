package org.crmgraph.graph.job;

/** What a job does; each kind runs once at a time across all instances. */
public enum JobKind {
    ANALYTICS_REFRESH,
    TICKET_CLASSIFIER_TRAINING
}
