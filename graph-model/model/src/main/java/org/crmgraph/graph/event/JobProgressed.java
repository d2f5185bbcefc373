package org.crmgraph.graph.event;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A long job (an import, an analytics refresh, a classifier training) started, moved on or ended; written in the
 * transaction that records it on the job's node, so a subscriber never hears of progress that was rolled back.
 *
 * @param kind     {@code IMPORT}, {@code ANALYTICS_REFRESH}, {@code TICKET_CLASSIFIER_TRAINING}
 * @param status   the job's status after the change ({@code RUNNING}, {@code SUCCEEDED}, {@code FAILED}...)
 * @param progress share done, 0 to 1, when the job knows it
 * @param step     what it is doing now (an analytics step), when it says
 * @param rowsRead for imports: rows read, written and rejected so far; null for other jobs
 */
public record JobProgressed(
        String entityId,
        String kind,
        String status,
        @Nullable Double progress,
        @Nullable String step,
        @Nullable Long rowsRead,
        @Nullable Long rowsImported,
        @Nullable Long rowsRejected,
        Instant occurredAt)
        implements DomainEvent {

    public static final String TYPE = "JOB_PROGRESS";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("kind", kind);
        attributes.put("status", status);
        attributes.put("progress", progress);
        attributes.put("step", step);
        attributes.put("rowsRead", rowsRead);
        attributes.put("rowsImported", rowsImported);
        attributes.put("rowsRejected", rowsRejected);
        return attributes;
    }

    static JobProgressed fromStored(String entityId, Instant occurredAt, Map<String, Object> attributes) {
        return new JobProgressed(
                entityId,
                (String) attributes.get("kind"),
                (String) attributes.get("status"),
                attributes.get("progress") instanceof Number n ? n.doubleValue() : null,
                (String) attributes.get("step"),
                attributes.get("rowsRead") instanceof Number n ? n.longValue() : null,
                attributes.get("rowsImported") instanceof Number n ? n.longValue() : null,
                attributes.get("rowsRejected") instanceof Number n ? n.longValue() : null,
                occurredAt);
    }
}
