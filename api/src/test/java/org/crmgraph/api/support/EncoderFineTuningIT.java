package org.crmgraph.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.crmgraph.api.CrmIntegrationTest;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.fixture.GraphFixture;
import org.crmgraph.graph.security.Role;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.crmgraph.language.answer.SupportAnswer;
import org.crmgraph.language.answer.SupportAnswering;
import org.crmgraph.language.classifier.ClassifierReport;
import org.crmgraph.language.classifier.ClassifierTraining;
import org.crmgraph.language.classifier.TicketClassifiers;
import org.crmgraph.language.classifier.TrainedClassifier;
import org.crmgraph.language.embedding.SentenceEmbedder;
import org.crmgraph.language.embedding.TunedEncoders;
import org.crmgraph.language.training.TicketClassifierTrainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Fine-tuning the MiniLM encoder on the support fixture's 30 labelled tickets (five categories), with the real
 * model on the PyTorch engine and the tuned copy on ONNX Runtime. The frozen classifier is trained for one pass
 * only, so that the tuned encoder has something to beat on five held-out tickets; with
 * {@code crm.support.fine-tuning.*} from the test profile (ten passes, batches of eight).
 */
@CrmIntegrationTest
class EncoderFineTuningIT {

    @Autowired
    CypherRunner cypher;

    @Autowired
    TicketClassifierTrainer trainer;

    @Autowired
    TicketClassifiers classifiers;

    @Autowired
    TunedEncoders encoders;

    @Autowired
    SentenceEmbedder frozen;

    @Autowired
    SupportAnswering answering;

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    org.crmgraph.language.embedding.TunedRetrieval retrieval;

    @Autowired
    org.crmgraph.language.embedding.EmbeddingBackfill backfill;

    @Autowired
    org.crmgraph.graph.privacy.CustomerPrivacy privacy;

    @Autowired
    org.crmgraph.graph.lease.Leases leases;

    @Autowired
    org.crmgraph.graph.outbox.Outbox outbox;

    @Autowired
    org.crmgraph.graph.security.ApiKeyStore keys;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @BeforeEach
    void load() {
        GraphFixture.reset(cypher, "fixtures/support.cypher");
        cypher.write("MATCH (n) WHERE n:TextEncoder OR n:TextEncoderPart DETACH DELETE n", Map.of());
        // the reset graph numbers classifier versions from 1 again: forget the one held in memory
        classifiers.close();
        retrieval.fill();
    }

    private long count(String query) {
        return cypher.read(query, Map.of(), r -> r.get(0).asLong()).getFirst();
    }

    @Test
    void aTunedEncoderThatValidatesBetterClassifiesAndTheFrozenOneStaysItsFallback() {
        ClassifierReport report = trainer.train(new ClassifierTraining.Options(0.2, 1, 0, true));

        assertThat(report.frozenEncoderAccuracy()).isNotNull();
        assertThat(report.tunedEncoderAccuracy()).isGreaterThan(report.frozenEncoderAccuracy());
        assertThat(report.encoderVersion()).isEqualTo(1L);
        assertThat(report.accuracy()).isEqualTo(report.tunedEncoderAccuracy());
        // the weights are in the graph for every instance: about 43 MB in parts of at most 4 MB
        assertThat(count("MATCH (p:TextEncoderPart {encoder: 1}) RETURN count(p)"))
                .isBetween(10L, 12L);
        assertThat(count("MATCH (e:TextEncoder {version: 1, base: 'classpath:all-minilm-l6-v2'}) RETURN count(e)"))
                .isEqualTo(1);

        // the tuned encoder runs on ONNX Runtime: its embeddings are not the frozen one's any more
        SentenceEmbedder tuned = encoders.load(1).orElseThrow();
        String question = "My phone battery dies before the evening";
        double cosine = org.crmgraph.language.Vectors.cosine(tuned.embed(question), frozen.embed(question));
        assertThat(cosine).isLessThan(0.999);
        // and they still mean something: tuning on the categories keeps a battery question nearer a battery ticket
        // than a refund one (how far it moves from the frozen vectors varies with the threads' summation order)
        float[] asked = tuned.embed(question);
        assertThat(org.crmgraph.language.Vectors.cosine(
                        asked, tuned.embed("The battery does not last a day any more.")))
                .isGreaterThan(org.crmgraph.language.Vectors.cosine(
                        asked, tuned.embed("I was promised a refund but my bank shows nothing.")));

        // answers and routing classify through it
        SupportAnswer answer = answering.answer(question, null, false);
        assertThat(answer.classifierVersion()).isEqualTo(report.version());
        assertThat(answer.category()).isEqualTo("battery");

        // analysts see which encoder classifies, and how both did
        graphQl.document("{ ticketClassifier { version encoderVersion frozenEncoderAccuracy tunedEncoderAccuracy } }")
                .execute()
                .path("ticketClassifier")
                .entity(Map.class)
                .satisfies(c -> {
                    assertThat(c.get("version")).isEqualTo((int) report.version());
                    assertThat(c.get("encoderVersion")).isEqualTo(1);
                    assertThat(((Number) c.get("tunedEncoderAccuracy")).doubleValue())
                            .isEqualTo(report.tunedEncoderAccuracy());
                    assertThat(((Number) c.get("frozenEncoderAccuracy")).doubleValue())
                            .isEqualTo(report.frozenEncoderAccuracy());
                });

        TrainedClassifier classifier = classifiers.load(report.version()).orElseThrow();
        assertThat(classifier.encoderVersion()).isEqualTo(1L);
        // the classifier trained beside it on the frozen encoder answers when the tuned encoder is not there
        assertThat(classifier.frozen()).isNotSameAs(classifier);
        assertThat(classifier.frozen().encoderVersion()).isNull();
        assertThat(classifier.frozen().predict(frozen.embed(question)).category())
                .isNotBlank();

        // the tuned encoder gone (deleted from the graph; an instance that has not loaded it yet): answers still get
        // their category, from the classifier trained beside it on the frozen encoder
        cypher.write("MATCH (n) WHERE n:TextEncoder OR n:TextEncoderPart DETACH DELETE n", Map.of());
        encoders.close();
        assertThat(encoders.load(1)).isEmpty();
        SupportAnswer fallback = answering.answer(question, null, false);
        assertThat(fallback.classifierVersion()).isEqualTo(report.version());
        // (trained for one pass only here, so it need not be right: it must be the one that answered)
        assertThat(fallback.category())
                .isEqualTo(classifier.frozen().predict(frozen.embed(question)).category());
    }

    @SuppressWarnings("unchecked")
    @Test
    void aFineTuningJobReportsItsStepsToFollowersAndOnTheJob() {
        // the job trains on what is embedded (the mutation does not embed first)
        backfill.run((done, total) -> {});
        var analyst = org.crmgraph.api.events.Subscribers.client(
                port, keys.create("training watcher", Role.ANALYST, "test").secret());
        var events = analyst.document("""
                        subscription($after: ID) {
                          jobEvents(after: $after, kinds: [TICKET_CLASSIFIER_TRAINING]) { jobId status step progress } }""")
                .variable("after", String.valueOf(outbox.head()))
                .executeSubscription()
                .map(r -> (Map<String, Object>) ((Map<String, Object>) r.getData()).get("jobEvents"))
                .takeUntil(e -> !"RUNNING".equals(e.get("status")))
                .collectList()
                .toFuture();
        String jobId = graphQl.document("""
                        mutation { startTicketClassifierTraining(holdout: 0.2, fineTuneEncoder: true) {
                          job { id } errors { code } } }""")
                .execute()
                .path("startTicketClassifierTraining.job.id")
                .entity(String.class)
                .get();
        List<Map<String, Object>> received =
                reactor.core.publisher.Mono.fromFuture(events).block(java.time.Duration.ofSeconds(180));
        analyst.stop().block();

        assertThat(received).extracting(e -> e.get("jobId")).containsOnly(jobId);
        // started, the classifier, the tuning's steps (30 here: reported at 25 and 30), saving, done
        assertThat(received)
                .extracting(e -> e.get("step"))
                .containsExactly(null, "CLASSIFIER", "FINE_TUNING", "FINE_TUNING", "SAVING", null);
        assertThat(received)
                .extracting(e -> ((Number) e.get("progress")).doubleValue())
                .isSorted()
                .startsWith(0.0, 0.0)
                .endsWith(0.95, 1.0);
        assertThat(((Number) received.get(2).get("progress")).doubleValue()).isStrictlyBetween(0.05, 0.95);
        assertThat(received.getLast().get("status")).isEqualTo("SUCCEEDED");
        graphQl.document("query($id: ID!) { job(id: $id) { status step progress resultId } }")
                .variable("id", jobId)
                .execute()
                .path("job")
                .entity(Map.class)
                .satisfies(job -> {
                    assertThat(job.get("status")).isEqualTo("SUCCEEDED");
                    assertThat(job.get("step")).isEqualTo("SAVING");
                    assertThat(((Number) job.get("progress")).doubleValue()).isEqualTo(1.0);
                    assertThat(job.get("resultId")).isNotNull();
                });
    }

    @Test
    void aTunedEncoderThatRetrievesBetterSearchesItsOwnIndexesOnceTheyAreFullAndErasureRemovesThem() {
        ClassifierReport report = trainer.train(new ClassifierTraining.Options(0.2, 1, 0, true));
        assertThat(report.encoderVersion()).isEqualTo(1L);
        assertThat(report.tunedRetrievalAccuracy()).isNotNull();
        assertThat(report.frozenRetrievalAccuracy()).isNotNull();
        String question = "My phone battery dies before the evening";
        SentenceEmbedder tuned = encoders.load(1).orElseThrow();

        // five held-out tickets cannot show a retrieval gain over the frozen encoder here: as if they had
        cypher.write("MATCH (e:TextEncoder {version: 1}) SET e.retrieval = true", Map.of());
        assertThat(retrieval.serving()).isEmpty();
        assertThat(cypher.read(
                                "MATCH (t:Ticket) WHERE t.tunedEmbedding IS NOT NULL RETURN count(t)",
                                Map.of(),
                                r -> r.get(0).asLong())
                        .getFirst())
                .isZero();
        SupportAnswer before = answering.answer(question, null, false);
        assertThat(before.sources().getFirst().similarity())
                .isCloseTo(
                        similarity(
                                frozen.embed(question),
                                "embedding",
                                before.sources().getFirst()),
                        within(1e-4));

        // the next embedding pass fills the tuned indexes, then questions are searched through them
        backfill.run((done, total) -> {});
        assertThat(
                        count(
                                "MATCH (n) WHERE (n:Ticket OR n:Article) AND n.embedding IS NOT NULL AND n.tunedEmbedding IS NULL RETURN count(n)"))
                .isZero();
        assertThat(count("MATCH (n) WHERE n.tunedEmbedding IS NOT NULL AND n.tunedEncoder = 1 RETURN count(n)"))
                .isGreaterThanOrEqualTo(36);
        assertThat(retrieval.serving()).map(Map.Entry::getKey).contains(1L);
        SupportAnswer after = answering.answer(question, null, false);
        assertThat(after.sources().getFirst().similarity())
                .isCloseTo(
                        similarity(
                                tuned.embed(question),
                                "tunedEmbedding",
                                after.sources().getFirst()),
                        within(1e-4));
        assertThat(after.category()).isEqualTo("battery");

        // an erased customer's ticket loses its tuned embedding with the rest of what was read from their words
        assertThat(count("MATCH (t:Ticket {id: 'open-1'}) WHERE t.tunedEmbedding IS NOT NULL RETURN count(t)"))
                .isEqualTo(1);
        privacy.erase("carol");
        assertThat(
                        count(
                                "MATCH (t:Ticket {id: 'open-1'}) WHERE t.tunedEmbedding IS NOT NULL OR t.tunedEncoder IS NOT NULL RETURN count(t)"))
                .isZero();

        // a classifier on the frozen encoder made current elsewhere (no embedding pass here since): the next answer
        // sees that the tuned encoder is not the current classifier's, and searches the frozen indexes at once
        trainer.train(new ClassifierTraining.Options(0.2, null, null));
        assertThat(retrieval.serving()).isPresent();
        SupportAnswer later = answering.answer(question, null, false);
        assertThat(later.sources().getFirst().similarity())
                .isCloseTo(
                        similarity(
                                frozen.embed(question),
                                "embedding",
                                later.sources().getFirst()),
                        within(1e-4));
        assertThat(retrieval.serving()).isEmpty();
        backfill.run((done, total) -> {});
        assertThat(retrieval.serving()).isEmpty();
    }

    private double similarity(float[] question, String property, org.crmgraph.language.answer.AnswerSource source) {
        String label = source.kind() == org.crmgraph.language.answer.SourceKind.TICKET ? "Ticket" : "Article";
        float[] stored = cypher.read(
                        "MATCH (n:" + label + " {id: $id}) RETURN n[$property] AS v",
                        Map.of("id", source.id(), "property", property),
                        r -> org.crmgraph.language.Vectors.floats(r.get("v")))
                .getFirst();
        return org.crmgraph.language.Vectors.cosine(question, stored);
    }

    @Test
    void aTunedEncoderThatDoesNotBeatTheFrozenOneIsMeasuredButNotKept() {
        // sixty passes make the frozen classifier as good as five held-out tickets can show (1.0)
        ClassifierReport report = trainer.train(new ClassifierTraining.Options(0.2, 60, 0, true));

        assertThat(report.frozenEncoderAccuracy()).isEqualTo(1.0);
        assertThat(report.tunedEncoderAccuracy()).isNotNull();
        assertThat(report.encoderVersion()).isNull();
        assertThat(count("MATCH (n) WHERE n:TextEncoder OR n:TextEncoderPart RETURN count(n)"))
                .isZero();
        assertThat(classifiers.load(report.version()).orElseThrow().encoderVersion())
                .isNull();
        assertThat(answering
                        .answer("My phone battery dies before the evening", null, false)
                        .category())
                .isEqualTo("battery");
    }

    @Test
    void fineTuningWithoutHeldOutTicketsIsRefusedNamingTheHoldout() {
        assertThatThrownBy(() -> trainer.train(new ClassifierTraining.Options(0.0, null, null, true)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("held-out");
        graphQl.document("""
                        mutation { startTicketClassifierTraining(holdout: 0, fineTuneEncoder: true) {
                          job { id } errors { field code message } } }""")
                .execute()
                .path("startTicketClassifierTraining.errors[0]")
                .entity(Map.class)
                .satisfies(e -> {
                    assertThat(e.get("field")).isEqualTo(java.util.List.of("holdout"));
                    assertThat(e.get("code")).isEqualTo("OUT_OF_RANGE");
                });
        assertThat(count("MATCH (m:TicketClassifier) RETURN count(m)")).isZero();
    }

    @Test
    void aSecondFineTuningWhileOneRunsOnAnyInstanceIsRefusedNotQueued() {
        // as if another instance were training: it holds the lease
        try (var other = leases.tryAcquire(ClassifierTraining.LEASE).orElseThrow()) {
            graphQl.document("""
                            mutation { startTicketClassifierTraining(holdout: 0.2, fineTuneEncoder: true) {
                              job { id } errors { field code message } } }""")
                    .execute()
                    .path("startTicketClassifierTraining.errors[0].code")
                    .entity(String.class)
                    .isEqualTo("INVALID_STATE");
            assertThatThrownBy(() -> trainer.train(new ClassifierTraining.Options(0.2, null, null, true)))
                    .hasMessageContaining("being trained already");
        }
        assertThat(count("MATCH (n) WHERE n:TicketClassifier OR n:TextEncoder RETURN count(n)"))
                .isZero();
    }
}
