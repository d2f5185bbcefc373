package org.crmgraph.api.job;

import java.util.EnumSet;
import java.util.List;
import org.crmgraph.analytics.AnalyticsStep;
import org.crmgraph.api.security.Caller;
import org.crmgraph.graph.job.Job;
import org.crmgraph.graph.job.Jobs;
import org.crmgraph.graph.validation.FieldError;
import org.crmgraph.graph.validation.Outcome;
import org.crmgraph.language.classifier.ClassifierTraining;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Long jobs over GraphQL: start one, get its id at once, follow it with {@code job(id)}. */
@Controller
class JobController {

    record StartJobPayload(Job job, List<FieldError> errors) {
        static StartJobPayload of(Outcome<Job> outcome) {
            return new StartJobPayload(outcome.value(), outcome.errors());
        }
    }

    private final BackgroundJobs background;
    private final Jobs jobs;

    JobController(BackgroundJobs background, Jobs jobs) {
        this.background = background;
        this.jobs = jobs;
    }

    @QueryMapping
    Job job(@Argument String id) {
        return jobs.find(id).orElse(null);
    }

    @MutationMapping
    StartJobPayload startAnalyticsRefresh(@Argument List<AnalyticsStep> steps) {
        var chosen = steps == null || steps.isEmpty() ? EnumSet.allOf(AnalyticsStep.class) : EnumSet.copyOf(steps);
        return StartJobPayload.of(background.startRefresh(chosen, requester()));
    }

    @MutationMapping
    StartJobPayload startTicketClassifierTraining(
            @Argument Double holdout, @Argument Integer epochs, @Argument Boolean fineTuneEncoder) {
        return StartJobPayload.of(background.startTraining(
                new ClassifierTraining.Options(holdout, epochs, null, Boolean.TRUE.equals(fineTuneEncoder)),
                requester()));
    }

    private static String requester() {
        Caller caller = Caller.current();
        return caller == null ? "unknown" : caller.name();
    }
}
