package org.crmgraph.algorithms.insight;

import java.time.OffsetDateTime;
import java.util.List;
import org.crmgraph.algorithms.StepResult;

/** A finished refresh as recorded on its {@code (:AnalyticsRun)} node. */
public record AnalyticsRunInfo(String id, OffsetDateTime startedAt, OffsetDateTime finishedAt, long millis, List<StepResult> steps) {}
