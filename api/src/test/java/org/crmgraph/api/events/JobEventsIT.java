package org.crmgraph.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crmgraph.api.FixtureGraphTest;
import org.crmgraph.graph.fixture.ImportFiles;
import org.crmgraph.graph.outbox.Outbox;
import org.crmgraph.graph.security.ApiKeyStore;
import org.crmgraph.graph.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import reactor.core.publisher.Mono;

/** {@code jobEvents}: a data steward's progress bar for an import, and an analytics refresh step by step. */
class JobEventsIT extends FixtureGraphTest {

    private static final String SUBSCRIPTION = """
            subscription($after: ID, $jobId: ID, $kinds: [JobEventKind!]) {
              jobEvents(after: $after, jobId: $jobId, kinds: $kinds) {
                position jobId kind status progress step rowsRead rowsImported rowsRejected actor } }""";

    @LocalServerPort
    int port;

    @Autowired
    ApiKeyStore keys;

    @Autowired
    Outbox outbox;

    private WebSocketGraphQlClient client(Role role) {
        return Subscribers.client(port, keys.create("job watcher", role, "test").secret());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(ClientGraphQlResponse response) {
        return (Map<String, Object>) ((Map<String, Object>) response.getData()).get("jobEvents");
    }

    @Test
    void anImportReportsEachCommittedBatchWithItsCountsThenItsEnd() {
        StringBuilder csv = new StringBuilder("id,name,email,phone,country,city,updated_at\n");
        for (int i = 0; i < 1_200; i++) {
            csv.append("jobs-")
                    .append(i)
                    .append(",Person ")
                    .append(i)
                    .append(",jobs-")
                    .append(i)
                    .append("@example.com,,GB,Leeds,\n");
        }
        ImportFiles.write("job-events.csv", csv.toString(), Instant.parse("2026-01-10T00:00:00Z"));
        WebSocketGraphQlClient steward = client(Role.DATA_STEWARD);
        var events = steward.document(SUBSCRIPTION)
                .variable("after", String.valueOf(outbox.head()))
                .variable("kinds", List.of("IMPORT"))
                .executeSubscription()
                .map(JobEventsIT::event)
                .takeUntil(e -> !"RUNNING".equals(e.get("status")) && !"QUEUED".equals(e.get("status")))
                .collectList()
                .toFuture();

        String jobId = graphQl.documentName("startImport")
                .variable("input", Map.of("file", "job-events.csv", "mapping", "customers-csv", "type", "CUSTOMERS"))
                .execute()
                .path("startImport.jobId")
                .entity(String.class)
                .get();

        List<Map<String, Object>> received = Mono.fromFuture(events).block(Duration.ofSeconds(60));
        assertThat(received)
                .allSatisfy(e -> assertThat(e).containsEntry("jobId", jobId).containsEntry("kind", "IMPORT"));
        Map<String, Object> last = received.getLast();
        assertThat(last).containsEntry("status", "SUCCEEDED").containsEntry("progress", 1.0);
        assertThat(((Number) last.get("rowsImported")).longValue()).isEqualTo(1_200);
        assertThat(((Number) last.get("rowsRejected")).longValue()).isZero();
        // batches of 500 in tests: a progress event after each committed batch, counts never going back
        List<Long> rowsRead = received.stream()
                .filter(e -> e.get("rowsRead") != null)
                .map(e -> ((Number) e.get("rowsRead")).longValue())
                .toList();
        assertThat(rowsRead).isSorted().contains(500L, 1_000L).endsWith(1_200L);
        List<Double> progress = received.stream()
                .map(e -> ((Number) e.get("progress")).doubleValue())
                .toList();
        assertThat(progress).isSorted();
        assertThat(received.toString()).doesNotContain("Person").doesNotContain("jobs-1@");
        steward.stop().block();
    }

    @Test
    void anAnalyticsRefreshReportsEachStepItFinished() {
        WebSocketGraphQlClient analyst = client(Role.ANALYST);
        var events = analyst.document(SUBSCRIPTION)
                .variable("after", String.valueOf(outbox.head()))
                .variable("kinds", List.of("ANALYTICS_REFRESH"))
                .executeSubscription()
                .map(JobEventsIT::event)
                .takeUntil(e -> !"RUNNING".equals(e.get("status")))
                .collectList()
                .toFuture();
        String jobId = graphQl.document(
                        "mutation { startAnalyticsRefresh(steps: [METRICS, SEGMENTS]) { job { id } errors { code } } }")
                .execute()
                .path("startAnalyticsRefresh.job.id")
                .entity(String.class)
                .get();
        List<Map<String, Object>> received = Mono.fromFuture(events).block(Duration.ofSeconds(90));
        assertThat(received).extracting(e -> e.get("jobId")).containsOnly(jobId);
        assertThat(received).extracting(e -> e.get("step")).containsExactly(null, "METRICS", "SEGMENTS", null);
        assertThat(received)
                .extracting(e -> e.get("status"))
                .containsExactly("RUNNING", "RUNNING", "RUNNING", "SUCCEEDED");
        assertThat(received)
                .extracting(e -> ((Number) e.get("progress")).doubleValue())
                .containsExactly(0.0, 0.5, 1.0, 1.0);
        analyst.stop().block();
    }
}
