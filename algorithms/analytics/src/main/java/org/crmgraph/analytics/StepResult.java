package org.crmgraph.analytics;

/** One step of a refresh: how long it took and what it produced, in a sentence. */
public record StepResult(AnalyticsStep step, long millis, String summary) {}
