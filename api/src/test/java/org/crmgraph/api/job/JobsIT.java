package org.crmgraph.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.crmgraph.analytics.refresh.AnalyticsRefresh;
import org.crmgraph.api.FixtureGraphTest;
import org.crmgraph.graph.lease.Lease;
import org.crmgraph.graph.lease.Leases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Long jobs over GraphQL: started at once, followed by id, refused while one of their kind runs anywhere. */
class JobsIT extends FixtureGraphTest {

    @Autowired
    Leases leases;

    private String status(String id) {
        return graphQl.document("query($id: ID!) { job(id: $id) { status } }")
                .variable("id", id)
                .execute()
                .path("job.status")
                .entity(String.class)
                .get();
    }

    @Test
    void anAnalyticsRefreshStartsAtOnceAndItsJobTellsHowItEnded() {
        var started = graphQl.document(
                        "mutation { startAnalyticsRefresh(steps: [METRICS]) { job { id kind status } errors { code } } }")
                .execute();
        started.path("startAnalyticsRefresh.errors").entityList(Object.class).hasSize(0);
        started.path("startAnalyticsRefresh.job.kind").entity(String.class).isEqualTo("ANALYTICS_REFRESH");
        String id = started.path("startAnalyticsRefresh.job.id")
                .entity(String.class)
                .get();
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !"RUNNING".equals(status(id)));
        var job = graphQl.document("query($id: ID!) { job(id: $id) { status summary resultId error finishedAt } }")
                .variable("id", id)
                .execute();
        job.path("job.status").entity(String.class).isEqualTo("SUCCEEDED");
        job.path("job.finishedAt").hasValue();
        String runId = job.path("job.resultId").entity(String.class).get();
        assertThat(cypher.read(
                        "MATCH (r:AnalyticsRun {id: $id}) RETURN count(r) AS n",
                        Map.of("id", runId),
                        r -> r.get("n").asLong()))
                .containsExactly(1L);
        graphQl.document("{ job(id: \"no-such-job\") { id } }")
                .execute()
                .path("job")
                .valueIsNull();
    }

    @Test
    void aJobOfAKindRunningOnAnyInstanceIsRefusedNotQueued() {
        // as if another instance were refreshing: it holds the lease
        try (Lease other = leases.tryAcquire(AnalyticsRefresh.LEASE).orElseThrow()) {
            var refused = graphQl.document(
                            "mutation { startAnalyticsRefresh { job { id } errors { field code message } } }")
                    .execute();
            refused.path("startAnalyticsRefresh.job").valueIsNull();
            refused.path("startAnalyticsRefresh.errors[0].code")
                    .entity(String.class)
                    .isEqualTo("INVALID_STATE");
            refused.path("startAnalyticsRefresh.errors[0].message")
                    .entity(String.class)
                    .satisfies(m -> assertThat(m).contains("running already"));
        }
        assertThat(cypher.read(
                        "MATCH (j:Job) RETURN count(j) AS n",
                        Map.of(),
                        r -> r.get("n").asLong()))
                .as("no job was created for the refused start")
                .containsExactly(0L);
    }

    @Test
    void aTrainingWithABadArgumentIsRefusedAtOnceNamingIt() {
        graphQl.document(
                        "mutation { startTicketClassifierTraining(holdout: 0.9) { job { id } errors { field code } } }")
                .execute()
                .path("startTicketClassifierTraining.errors[0].field")
                .entityList(String.class)
                .isEqualTo(List.of("holdout"));
    }
}
