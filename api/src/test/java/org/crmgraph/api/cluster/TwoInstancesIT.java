package org.crmgraph.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.crmgraph.analytics.AnalyticsStep;
import org.crmgraph.analytics.refresh.AnalyticsBusyException;
import org.crmgraph.analytics.refresh.AnalyticsRefresh;
import org.crmgraph.analytics.refresh.RefreshReport;
import org.crmgraph.api.CrmGraphApplication;
import org.crmgraph.api.kafka.KafkaChangeSink;
import org.crmgraph.api.webhook.WebhookDispatcher;
import org.crmgraph.api.webhook.WebhookReceiver;
import org.crmgraph.graph.customer.CustomerInput;
import org.crmgraph.graph.customer.CustomerService;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.embedded.EmbeddedNeo4j;
import org.crmgraph.graph.embedded.EmbeddedNeo4jProperties;
import org.crmgraph.graph.fixture.GraphFixture;
import org.crmgraph.graph.lease.LeaseHeldException;
import org.crmgraph.graph.lease.Leases;
import org.crmgraph.graph.outbox.ChangeEvent;
import org.crmgraph.graph.outbox.Outbox;
import org.crmgraph.graph.webhook.WebhookStore;
import org.crmgraph.importer.ImportRequest;
import org.crmgraph.importer.ImportService;
import org.crmgraph.importer.mapping.EntityType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * Two service instances on one Neo4j server, as behind a load balancer: one-at-a-time jobs hold a lease in the graph,
 * so while instance A refreshes analytics or imports, instance B is refused (or waits), and takes over when A is done.
 */
class TwoInstancesIT {

    static final String TOPIC = "crm.changes.test";
    static EmbeddedNeo4j server;
    static EmbeddedKafkaKraftBroker kafka;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    @BeforeAll
    static void startAServerAndTwoInstances() throws Exception {
        server = EmbeddedNeo4j.start(
                Files.createTempDirectory("shared-neo4j"), EmbeddedNeo4jProperties.forTests(true, false));
        // three partitions: one entity's events must stay in order on its key's partition, not merely on the only one
        kafka = new EmbeddedKafkaKraftBroker(1, 3, TOPIC);
        kafka.afterPropertiesSet();
        a = instance("instance-a");
        b = instance("instance-b");
        GraphFixture.reset(a.getBean(CypherRunner.class), "fixtures/analytics.cypher");
    }

    private static ConfigurableApplicationContext instance(String name) throws Exception {
        return new SpringApplicationBuilder(CrmGraphApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("test")
                .properties(
                        "spring.neo4j.uri=" + server.boltUri().toString().replace("bolt://", "neo4j://"),
                        "crm.lease.owner=" + name,
                        "crm.kafka.enabled=true",
                        "crm.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                        "crm.kafka.topic=" + TOPIC,
                        "crm.data-dir=" + Files.createTempDirectory(name))
                .run();
    }

    @AfterAll
    static void stop() {
        for (var context : new ConfigurableApplicationContext[] {a, b}) {
            if (context != null) {
                context.close();
            }
        }
        if (server != null) {
            server.close();
        }
        if (kafka != null) {
            kafka.destroy();
        }
    }

    @Test
    void whileOneInstanceRefreshesAnalyticsTheOtherIsToldItIsBusyAndMayRefreshAfterwards() throws Exception {
        CountDownLatch aIsRefreshing = new CountDownLatch(1);
        CountDownLatch letAFinish = new CountDownLatch(1);
        CompletableFuture<RefreshReport> onA = CompletableFuture.supplyAsync(() -> a.getBean(AnalyticsRefresh.class)
                .refresh(EnumSet.of(AnalyticsStep.METRICS, AnalyticsStep.SEGMENTS), step -> {
                    aIsRefreshing.countDown();
                    await(letAFinish);
                }));
        try {
            assertThat(aIsRefreshing.await(2, TimeUnit.MINUTES)).isTrue();
            assertThat(b.getBean(Leases.class).holder(AnalyticsRefresh.LEASE)).contains("instance-a");
            assertThatThrownBy(() -> b.getBean(AnalyticsRefresh.class).refresh())
                    .isInstanceOf(AnalyticsBusyException.class);
        } finally {
            letAFinish.countDown();
        }
        assertThat(onA.get(2, TimeUnit.MINUTES).steps()).hasSize(2);
        assertThat(b.getBean(AnalyticsRefresh.class)
                        .refresh(EnumSet.of(AnalyticsStep.METRICS), step -> {})
                        .steps())
                .hasSize(1);
    }

    @Test
    void whileOneInstanceImportsTheOtherCannotStartAnImport() throws Exception {
        Path file = Files.createTempFile("customers", ".csv");
        StringBuilder rows = new StringBuilder("id,name,email,phone,country,city,updated_at\n");
        for (int i = 0; i < 2_000; i++) {
            rows.append("two-")
                    .append(i)
                    .append(",Person ")
                    .append(i)
                    .append(",p")
                    .append(i)
                    .append("@two.example,,GB,London,2024-01-01T00:00:00Z\n");
        }
        Files.writeString(file, rows);
        CountDownLatch aIsImporting = new CountDownLatch(1);
        CountDownLatch letAFinish = new CountDownLatch(1);
        var request = new ImportRequest(file, "customers-csv", EntityType.CUSTOMERS, false, null);
        var onA = CompletableFuture.supplyAsync(
                () -> a.getBean(ImportService.class).run(request, (counts, bytes) -> {
                    aIsImporting.countDown();
                    await(letAFinish);
                }));
        try {
            assertThat(aIsImporting.await(2, TimeUnit.MINUTES)).isTrue();
            assertThatThrownBy(() -> b.getBean(ImportService.class).run(request, (counts, bytes) -> {}))
                    .isInstanceOfSatisfying(
                            LeaseHeldException.class, e -> assertThat(e.owner()).isEqualTo("instance-a"));
        } finally {
            letAFinish.countDown();
        }
        assertThat(onA.get(2, TimeUnit.MINUTES).rowsImported()).isEqualTo(2_000);
        assertThat(b.getBean(ImportService.class)
                        .run(request, (counts, bytes) -> {})
                        .rowsRead())
                .isEqualTo(2_000);
    }

    @Test
    void eachEventIsDeliveredToAWebhookOnceByOneInstanceAndTheOtherTakesOverWhenThatOneStops() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            a.getBean(WebhookStore.class).create(receiver.url(), List.of("CUSTOMER_CREATED"), null, null, "test");
            a.getBean(WebhookDispatcher.class).wake();
            b.getBean(WebhookDispatcher.class).wake();
            List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());
            var writers = java.util.concurrent.Executors.newFixedThreadPool(4);
            for (int i = 0; i < 40; i++) {
                int n = i;
                ConfigurableApplicationContext on = n % 2 == 0 ? a : b;
                writers.submit(() -> created.add(on.getBean(CustomerService.class)
                        .create(new CustomerInput("Twice " + n, "twice-" + n + "@example.com", null, null, null))
                        .value()
                        .id()));
            }
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(created).hasSize(40);

            receiver.await(r -> true, 40, Duration.ofSeconds(30));
            Thread.sleep(1_500); // time for a second delivery of anything, were there one
            var received = receiver.received();
            assertThat(received)
                    .as("one delivery per event, from both instances' writes")
                    .hasSize(40);
            assertThat(received.stream().map(WebhookReceiver.Received::delivery).distinct())
                    .hasSize(40);
            assertThat(received.stream()
                            .map(r -> r.body().replaceAll(".*\"entity\":\\{[^}]*\"id\":\"([^\"]+)\".*", "$1")))
                    .containsExactlyInAnyOrderElementsOf(created);
            boolean aDelivers = a.getBean(WebhookDispatcher.class).delivering();
            boolean bDelivers = b.getBean(WebhookDispatcher.class).delivering();
            assertThat(aDelivers ^ bDelivers)
                    .as("exactly one instance delivers")
                    .isTrue();

            // the delivering instance stops; the other takes its turn and delivers what comes after
            ConfigurableApplicationContext holder = aDelivers ? a : b;
            ConfigurableApplicationContext other = aDelivers ? b : a;
            holder.getBean(WebhookDispatcher.class).stop();
            String later = other.getBean(CustomerService.class)
                    .create(new CustomerInput("After the stop", "after-stop@example.com", null, null, null))
                    .value()
                    .id();
            assertThat(receiver.await(r -> r.body().contains("\"" + later + "\""), 1, Duration.ofSeconds(20)))
                    .hasSize(1);
            assertThat(other.getBean(WebhookDispatcher.class).delivering()).isTrue();
            assertThat(receiver.received()).hasSize(41);
        }
    }

    @Test
    void bothInstancesPublishTheChangeLogToKafkaEveryEventOnceAndEachEntitysInOrder() throws Exception {
        // the fixture reset removed the sink's cursor: made again at the log's head before anything is written
        a.getBean(KafkaChangeSink.class).publishNext();
        long since = a.getBean(Outbox.class).head();
        List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());
        var writers = java.util.concurrent.Executors.newFixedThreadPool(4);
        for (int i = 0; i < 30; i++) {
            int n = i;
            ConfigurableApplicationContext on = n % 2 == 0 ? a : b;
            ConfigurableApplicationContext other = n % 2 == 0 ? b : a;
            writers.submit(() -> {
                String id = on.getBean(CustomerService.class)
                        .create(new CustomerInput("Kafka " + n, "kafka-" + n + "@example.com", null, null, null))
                        .value()
                        .id();
                other.getBean(CustomerService.class)
                        .update(id, new CustomerInput(null, null, null, "GB", null))
                        .value();
                created.add(id);
            });
        }
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(created).hasSize(30);
        // events are numbered just after their commit: wait until the 60 are
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> a.getBean(Outbox.class).head() - since >= 60);
        long head = a.getBean(Outbox.class).head();
        List<Long> logged = a.getBean(Outbox.class).after(since, 10_000).stream()
                .map(ChangeEvent::position)
                .filter(position -> position <= head)
                .toList();
        assertThat(logged).hasSizeGreaterThanOrEqualTo(60);

        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Map<String, Object> settings = KafkaTestUtils.consumerProps(kafka, "kafka-sink-test", false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer =
                new KafkaConsumer<String, String>(settings, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (upTo(records, head) < logged.size() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            Thread.sleep(1_500); // time for a second publication of anything, were there one
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        List<Long> published = records.stream()
                .map(r -> Long.parseLong(header(r, "crm-event-id")))
                .filter(position -> position > since && position <= head)
                .toList();
        assertThat(published)
                .as("every event of the log, from both instances' writes, published once")
                .containsExactlyInAnyOrderElementsOf(logged);

        Map<String, List<ConsumerRecord<String, String>>> byCustomer = records.stream()
                .filter(r -> created.contains(r.key()))
                .collect(java.util.stream.Collectors.groupingBy(ConsumerRecord::key));
        assertThat(byCustomer).hasSize(30);
        byCustomer.forEach((customer, theirs) -> {
            assertThat(theirs.stream().map(r -> header(r, "crm-event-type")))
                    .as("customer %s: created, then updated, on one partition in that order", customer)
                    .containsExactly("CUSTOMER_CREATED", "CUSTOMER_UPDATED");
            assertThat(theirs.stream().map(ConsumerRecord::partition).distinct())
                    .hasSize(1);
            assertThat(theirs.getFirst().value())
                    .contains("\"type\":\"CUSTOMER_CREATED\"")
                    .contains("\"entity\":{")
                    .contains("\"id\":\"" + header(theirs.getFirst(), "crm-event-id") + "\"")
                    .as("ids and field names, never personal values")
                    .doesNotContain("kafka-")
                    .doesNotContain("@example.com");
        });
    }

    /** How many records hold events up to {@code head}. */
    private static long upTo(List<ConsumerRecord<String, String>> records, long head) {
        return records.stream()
                .filter(r -> Long.parseLong(header(r, "crm-event-id")) <= head)
                .count();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
