package org.crmgraph.api.job;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.crmgraph.analytics.AnalyticsStep;
import org.crmgraph.analytics.refresh.AnalyticsRefresh;
import org.crmgraph.graph.job.Job;
import org.crmgraph.graph.job.JobKind;
import org.crmgraph.graph.job.Jobs;
import org.crmgraph.graph.lease.Leases;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.crmgraph.graph.validation.Outcome;
import org.crmgraph.language.classifier.ClassifierTraining;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Starts the long jobs (an analytics refresh, a classifier training) in the background and answers at once with the
 * job, which the client follows with {@code job(id)}. A job whose kind is already running, on this instance or
 * another (its lease is held), is refused instead of queued: one request, or many, cannot pile jobs up.
 */
@Service
class BackgroundJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

    private final Jobs jobs;
    private final Leases leases;
    private final AnalyticsRefresh refresh;
    private final ClassifierTraining training;
    private final ExecutorService runner = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("crm-job-", 0).factory());

    BackgroundJobs(Jobs jobs, Leases leases, AnalyticsRefresh refresh, ClassifierTraining training) {
        this.jobs = jobs;
        this.leases = leases;
        this.refresh = refresh;
        this.training = training;
    }

    Outcome<Job> startRefresh(Set<AnalyticsStep> steps, String requestedBy) {
        return start(JobKind.ANALYTICS_REFRESH, AnalyticsRefresh.LEASE, "steps", requestedBy, id -> {
            int[] done = {0};
            var report = refresh.refresh(
                    steps,
                    step -> jobs.progressed(id, step.step().name(), Math.min(1.0, (double) ++done[0] / steps.size())));
            return new Result(report.steps().size() + " step(s) in " + report.millis() + " ms", report.id());
        });
    }

    Outcome<Job> startTraining(ClassifierTraining.Options options, String requestedBy) {
        try {
            training.check(options);
        } catch (InvalidArgumentException e) {
            return Outcome.failure(List.of(e.asFieldError()));
        }
        return start(JobKind.TICKET_CLASSIFIER_TRAINING, ClassifierTraining.LEASE, "holdout", requestedBy, id -> {
            var report = training.train(options, (step, share) -> jobs.progressed(id, step, share));
            return new Result(
                    "version " + report.version() + " on " + report.trainSize() + " tickets, accuracy "
                            + report.accuracy()
                            + (report.tunedEncoderAccuracy() == null
                                    ? ""
                                    : report.encoderVersion() == null
                                            ? "; the fine-tuned encoder (" + report.tunedEncoderAccuracy()
                                                    + ") did not beat the frozen one (" + report.frozenEncoderAccuracy()
                                                    + ")"
                                            : "; fine-tuned encoder v" + report.encoderVersion() + " (frozen: "
                                                    + report.frozenEncoderAccuracy() + ")"),
                    String.valueOf(report.version()));
        });
    }

    private record Result(String summary, String id) {}

    private Outcome<Job> start(
            JobKind kind, String lease, String field, String requestedBy, Function<String, Result> work) {
        var holder = leases.holder(lease);
        if (holder.isPresent()) {
            return Outcome.failure(
                    field,
                    ErrorCode.INVALID_STATE,
                    "A job of kind " + kind + " is running already (on " + holder.get()
                            + "); follow it, or start another when it is done.");
        }
        Job job = jobs.start(kind, requestedBy);
        runner.execute(() -> {
            try {
                Result result = work.apply(job.id());
                jobs.succeeded(job.id(), result.summary(), result.id());
            } catch (RuntimeException e) {
                // the client reads the reason from job(id); the service keeps the stack
                log.warn("Job {} ({}) failed: {}", job.id(), kind, e.getMessage());
                jobs.failed(job.id(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        });
        return Outcome.success(job);
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
