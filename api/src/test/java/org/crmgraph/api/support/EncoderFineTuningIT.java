package org.crmgraph.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.crmgraph.api.CrmIntegrationTest;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.fixture.GraphFixture;
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
    org.crmgraph.graph.lease.Leases leases;

    @BeforeEach
    void load() {
        GraphFixture.reset(cypher, "fixtures/support.cypher");
        cypher.write("MATCH (n) WHERE n:TextEncoder OR n:TextEncoderPart DETACH DELETE n", Map.of());
        // the reset graph numbers classifier versions from 1 again: forget the one held in memory
        classifiers.close();
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
        assertThat(cosine).isLessThan(0.999).isGreaterThan(0.3);

        // answers and routing classify through it
        SupportAnswer answer = answering.answer(question, null, false);
        assertThat(answer.classifierVersion()).isEqualTo(report.version());
        assertThat(answer.category()).isEqualTo("battery");

        TrainedClassifier classifier = classifiers.load(report.version()).orElseThrow();
        assertThat(classifier.encoderVersion()).isEqualTo(1L);
        // the classifier trained beside it on the frozen encoder answers when the tuned encoder is not there
        assertThat(classifier.frozen()).isNotSameAs(classifier);
        assertThat(classifier.frozen().encoderVersion()).isNull();
        assertThat(classifier.frozen().predict(frozen.embed(question)).category())
                .isNotBlank();
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
