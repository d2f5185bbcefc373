package org.crmgraph.analytics.insight;

import java.time.OffsetDateTime;
import java.util.List;
import org.crmgraph.analytics.StepResult;

/** A finished refresh as recorded on its {@code (:AnalyticsRun)} node. */
public record AnalyticsRunInfo(
        String id, OffsetDateTime startedAt, OffsetDateTime finishedAt, long millis, List<StepResult> steps) {}
