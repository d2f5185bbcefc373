package org.crmgraph.api.events;

import java.time.Instant;
import java.util.List;
import org.crmgraph.graph.event.JobProgressed;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** {@code jobEvents}: imports, analytics refreshes and trainings as they move on; counts only, never rows. */
@Controller
class JobEventsController {

    /** What a subscriber receives. */
    record JobEvent(
            String position,
            String jobId,
            String kind,
            String status,
            @Nullable Double progress,
            @Nullable String step,
            @Nullable Long rowsRead,
            @Nullable Long rowsImported,
            @Nullable Long rowsRejected,
            Instant at,
            String actor) {}

    private final ChangeFeed feed;

    JobEventsController(ChangeFeed feed) {
        this.feed = feed;
    }

    @SubscriptionMapping
    Flux<JobEvent> jobEvents(
            @Argument @Nullable String jobId,
            @Argument @Nullable List<String> kinds,
            @Argument @Nullable String after) {
        return feed.events(Positions.parse(after)).handle((change, sink) -> {
            if (change.event() instanceof JobProgressed job
                    && (jobId == null || jobId.equals(job.entityId()))
                    && (kinds == null || kinds.isEmpty() || kinds.contains(job.kind()))) {
                sink.next(new JobEvent(
                        String.valueOf(change.position()),
                        job.entityId(),
                        job.kind(),
                        job.status(),
                        job.progress(),
                        job.step(),
                        job.rowsRead(),
                        job.rowsImported(),
                        job.rowsRejected(),
                        change.at(),
                        change.actor()));
            }
        });
    }
}
