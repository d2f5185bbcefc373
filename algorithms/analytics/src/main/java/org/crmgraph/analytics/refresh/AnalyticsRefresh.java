package org.crmgraph.analytics.refresh;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.crmgraph.analytics.AnalyticsStep;
import org.crmgraph.analytics.GdsUnavailableException;
import org.crmgraph.analytics.StepResult;
import org.crmgraph.analytics.churn.ChurnPrediction;
import org.crmgraph.analytics.forecast.ForecastRefresh;
import org.crmgraph.analytics.lifetime.LifetimeValues;
import org.crmgraph.analytics.metrics.CustomerMetrics;
import org.crmgraph.analytics.purchase.BoughtWriter;
import org.crmgraph.analytics.purchase.PurchaseHistory;
import org.crmgraph.analytics.recommend.ComplementsWriter;
import org.crmgraph.analytics.segment.Segmentation;
import org.crmgraph.analytics.similarity.SimilarityAndCommunities;
import org.crmgraph.analytics.similarity.SimilarityWriter;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.lease.Lease;
import org.crmgraph.graph.lease.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs the analytics refresh, whole or in steps, one refresh at a time among all instances that share the graph
 * (a lease named {@value #LEASE}). Readers are never blocked:
 * each step computes first and then replaces what it owns in short write transactions (see the steps), so a
 * recommendation asked for during a refresh is answered from the old results or the new ones. Every GDS graph
 * a step projects is dropped when the step ends, failed or not. Each refresh is recorded as an
 * {@code (:AnalyticsRun)} node with its step timings, for analysts in Neo4j Browser.
 */
@Service
public class AnalyticsRefresh {

    /** The name of the lease a refresh holds. */
    public static final String LEASE = "analytics-refresh";

    private static final Duration WAIT_POLL = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(AnalyticsRefresh.class);

    private static final String RECORD = """
            CREATE (:AnalyticsRun {id: $id, startedAt: $startedAt, finishedAt: datetime(), millis: $millis,
                                   steps: $steps, stepMillis: $stepMillis, summaries: $summaries})
            """;

    private final CypherRunner cypher;
    private final CustomerMetrics metrics;
    private final Segmentation segmentation;
    private final SimilarityAndCommunities similarity;
    private final SimilarityWriter similarityWriter;
    private final ChurnPrediction churn;
    private final BoughtWriter boughtWriter;
    private final Leases leases;
    private final LifetimeValues lifetimeValues;
    private final ForecastRefresh forecasts;
    private final ComplementsWriter complementsWriter;

    public AnalyticsRefresh(
            CypherRunner cypher,
            CustomerMetrics metrics,
            Segmentation segmentation,
            SimilarityAndCommunities similarity,
            SimilarityWriter similarityWriter,
            ChurnPrediction churn,
            BoughtWriter boughtWriter,
            Leases leases,
            LifetimeValues lifetimeValues,
            ForecastRefresh forecasts,
            ComplementsWriter complementsWriter) {
        this.complementsWriter = complementsWriter;
        this.lifetimeValues = lifetimeValues;
        this.forecasts = forecasts;
        this.boughtWriter = boughtWriter;
        this.leases = leases;
        this.cypher = cypher;
        this.metrics = metrics;
        this.segmentation = segmentation;
        this.similarity = similarity;
        this.similarityWriter = similarityWriter;
        this.churn = churn;
    }

    public RefreshReport refresh() {
        return refresh(EnumSet.allOf(AnalyticsStep.class), step -> {});
    }

    /**
     * Runs the given steps in their natural order; {@code progress} hears of each step as it finishes.
     *
     * @throws AnalyticsBusyException when a refresh is already running, here or on another instance
     * @throws GdsUnavailableException when the Neo4j has no Graph Data Science
     */
    public RefreshReport refresh(Set<AnalyticsStep> steps, Consumer<StepResult> progress) {
        try (Lease lease = leases.tryAcquire(LEASE).orElseThrow(AnalyticsBusyException::new)) {
            return run(steps, progress, lease);
        }
    }

    /**
     * The whole refresh, after waiting for one that is running to finish: for background refreshes, which want
     * the newest data analysed rather than a refusal.
     */
    public RefreshReport refreshWhenFree() throws InterruptedException {
        try (Lease lease = leases.acquireWhenFree(LEASE, WAIT_POLL)) {
            return run(EnumSet.allOf(AnalyticsStep.class), step -> {}, lease);
        }
    }

    /** Runs with the lease held by the caller. */
    private RefreshReport run(Set<AnalyticsStep> steps, Consumer<StepResult> progress, Lease lease) {
        String id = "run-" + UUID.randomUUID();
        OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        long started = System.nanoTime();
        List<StepResult> results = new ArrayList<>();
        for (AnalyticsStep step : EnumSet.copyOf(steps)) {
            // a refresh whose lease lapsed may be racing another instance's: stop between steps, each is whole
            lease.ensureHeld();
            long stepStarted = System.nanoTime();
            StepResult result = timed(
                    step,
                    switch (step) {
                        case METRICS ->
                            () -> {
                                var refresh = metrics.refresh();
                                return refresh.customers() + " customers as of " + refresh.asOf() + "; "
                                        + lifetimeValues.refresh();
                            };
                        case SEGMENTS ->
                            () -> {
                                var segments = segmentation.refresh();
                                return segments.size() + " segments: "
                                        + String.join(
                                                ", ",
                                                segments.stream()
                                                        .map(s -> s.label() + ": " + s.size())
                                                        .toList());
                            };
                        case SIMILARITY ->
                            () -> {
                                var graph = similarity.compute(null);
                                log.debug(
                                        "similarity and communities computed in {} ms",
                                        (System.nanoTime() - stepStarted) / 1_000_000);
                                PurchaseHistory history = PurchaseHistory.load(cypher, null, null);
                                var written = similarityWriter.write(graph, history);
                                int rewritten = boughtWriter.write(history);
                                int complemented = complementsWriter.write(history);
                                return String.format(
                                        Locale.ROOT,
                                        "%d product and %d customer similarities, %d communities, %d markets, "
                                                + "BOUGHT rewritten for %d customers, complements of %d products",
                                        written.get("similarProducts"),
                                        written.get("similarCustomers"),
                                        written.get("communities"),
                                        written.get("markets"),
                                        rewritten,
                                        complemented);
                            };
                        case CHURN -> () -> churn.refresh().summary();
                        case FORECASTS -> forecasts::refresh;
                    });
            results.add(result);
            progress.accept(result);
            log.info(
                    "analytics {}: {} ms, {}", step.name().toLowerCase(Locale.ROOT), result.millis(), result.summary());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        cypher.write(
                RECORD,
                Map.of(
                        "id",
                        id,
                        "startedAt",
                        startedAt,
                        "millis",
                        millis,
                        "steps",
                        results.stream().map(r -> r.step().name()).toList(),
                        "stepMillis",
                        results.stream().map(StepResult::millis).toList(),
                        "summaries",
                        results.stream().map(StepResult::summary).toList()));
        return new RefreshReport(id, startedAt, results, millis);
    }

    private static StepResult timed(AnalyticsStep step, Supplier<String> work) {
        long started = System.nanoTime();
        String summary;
        try {
            summary = work.get();
        } catch (RuntimeException e) {
            throw GdsUnavailableException.isMissingGds(e) ? new GdsUnavailableException(e) : e;
        }
        return new StepResult(step, (System.nanoTime() - started) / 1_000_000, summary);
    }
}
