package org.crmgraph.analytics.refresh;

import org.crmgraph.analytics.StepResult;
import java.time.OffsetDateTime;
import java.util.List;

/** A finished analytics refresh: its steps in order with their timings. */
public record RefreshReport(String id, OffsetDateTime startedAt, List<StepResult> steps, long millis) {}
