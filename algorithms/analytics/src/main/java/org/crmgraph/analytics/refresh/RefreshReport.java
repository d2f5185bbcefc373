package org.crmgraph.analytics.refresh;

import java.time.OffsetDateTime;
import java.util.List;
import org.crmgraph.analytics.StepResult;

/** A finished analytics refresh: its steps in order with their timings. */
public record RefreshReport(String id, OffsetDateTime startedAt, List<StepResult> steps, long millis) {}
