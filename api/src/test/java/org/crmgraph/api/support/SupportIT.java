package org.crmgraph.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crmgraph.api.CrmIntegrationTest;
import org.crmgraph.api.cli.Command;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.fixture.GraphFixture;
import org.crmgraph.graph.security.Role;
import org.crmgraph.language.answer.AnswerLog;
import org.crmgraph.language.answer.SupportAnswer;
import org.crmgraph.language.answer.SupportAnswering;
import org.crmgraph.language.embedding.BackfillReport;
import org.crmgraph.language.embedding.EmbeddingBackfill;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Support answers on {@code fixtures/support.cypher}: 30 resolved tickets in five categories, five articles,
 * alice (bought the router), bob (bought the phone) and carol (open ticket about the laptop). The real MiniLM
 * model embeds everything; the fixture is reloaded and embedded before each test, so tests stay independent.
 */
@CrmIntegrationTest
class SupportIT {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    CypherRunner cypher;

    @Autowired
    EmbeddingBackfill backfill;

    @Autowired
    SupportAnswering answering;

    @Autowired
    AnswerLog answerLog;

    @Autowired
    List<Command> commands;

    @Autowired
    org.crmgraph.language.answer.KnowledgeGapWatch watch;

    @Autowired
    org.crmgraph.language.answer.KnowledgeGaps gaps;

    @Autowired
    org.crmgraph.graph.outbox.Outbox outbox;

    @Autowired
    org.crmgraph.graph.security.ApiKeyStore keys;

    @Autowired
    org.crmgraph.graph.privacy.CustomerPrivacy privacy;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private BackfillReport loaded;

    @BeforeEach
    void loadAndEmbed() {
        GraphFixture.reset(cypher, "fixtures/support.cypher");
        loaded = backfill.run((done, total) -> {});
    }

    private long count(String query) {
        return cypher.read(query, Map.of(), r -> r.get(0).asLong()).getFirst();
    }

    private GraphQlTester.Response ask(String question, String customerId) {
        return graphQl.documentName("answerSupportQuery")
                .variable("question", question)
                .variable("customerId", customerId)
                .execute();
    }

    @Test
    void everyTicketAndArticleIsEmbeddedOnceAndOnlyChangedTextIsEmbeddedAgain() {
        assertThat(loaded.ticketsEmbedded()).isEqualTo(31);
        assertThat(loaded.articlesEmbedded()).isEqualTo(5);
        assertThat(count("MATCH (n) WHERE (n:Ticket OR n:Article) AND size(n.embedding) = 384 RETURN count(n)"))
                .isEqualTo(36);
        assertThat(count("MATCH (t:Ticket {answerable: true}) RETURN count(t)")).isEqualTo(30);
        assertThat(count("MATCH (t:Ticket {id: 'open-1'}) WHERE t.answerable = false RETURN count(t)"))
                .isOne();
        // answer sources, and only they, are searched by their words (the full-text index is on their label)
        assertThat(count("MATCH (t:AnswerableTicket) WHERE t.answerable RETURN count(t)"))
                .isEqualTo(30);
        assertThat(count("MATCH (t:AnswerableTicket) RETURN count(t)")).isEqualTo(30);

        BackfillReport again = backfill.run((done, total) -> {});
        assertThat(again.embedded()).isZero();

        // a status change without new text marks the ticket current without a model call; new text is embedded
        cypher.write("MATCH (t:Ticket {id: 'rt-c1'}) SET t.priority = 'LOW', t.updatedAt = datetime()", Map.of());
        cypher.write(
                "MATCH (a:Article {id: 'a-refund'}) SET a.body = a.body + ' Shipping costs are refunded too.', a.updatedAt = datetime()",
                Map.of());
        BackfillReport changed = backfill.run((done, total) -> {});
        assertThat(changed.ticketsEmbedded()).isZero();
        assertThat(changed.unchanged()).isOne();
        assertThat(changed.articlesEmbedded()).isOne();

        // a reopened ticket is no answer source: the next pass takes it out of the word search too
        String byWords = "CALL db.index.fulltext.queryNodes('answerable_ticket_text', 'minutes') YIELD node"
                + " WHERE node.id = 'rt-c1' RETURN count(node)";
        assertThat(count(byWords)).isOne();
        cypher.write("MATCH (t:Ticket {id: 'rt-c1'}) SET t.status = 'OPEN', t.updatedAt = datetime()", Map.of());
        backfill.run((done, total) -> {});
        assertThat(count("MATCH (t:AnswerableTicket {id: 'rt-c1'}) RETURN count(t)"))
                .isZero();
        assertThat(count(byWords)).isZero();
    }

    @Test
    void aQuestionIsAnsweredFromTheBestMatchingSourceWithConfidenceCategoryAndSources() {
        var response = ask("My wifi connection keeps dropping out", null);
        response.path("answerSupportQuery.id")
                .entity(String.class)
                .satisfies(id -> assertThat(id).isNotBlank());
        response.path("answerSupportQuery.category").entity(String.class).isEqualTo("connectivity");
        response.path("answerSupportQuery.confidence")
                .entity(Double.class)
                .satisfies(c -> assertThat(c).isBetween(0.55, 1.0));
        response.path("answerSupportQuery.decision")
                .entity(String.class)
                .satisfies(d -> assertThat(d).isIn("AUTO_REPLY", "SUGGEST"));
        response.path("answerSupportQuery.sources").entityList(Map.class).satisfies(sources -> {
            assertThat(sources).hasSizeBetween(1, 5);
            List<Double> scores = sources.stream()
                    .map(s -> ((Number) s.get("score")).doubleValue())
                    .toList();
            assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        });
        // the best source is the router article or a connectivity ticket, and the answer is its text
        response.path("answerSupportQuery.sources[0]").entity(Map.class).satisfies(best -> {
            if ("ARTICLE".equals(best.get("kind"))) {
                assertThat(((Map<?, ?>) best.get("article")).get("id")).isEqualTo("a-router-restart");
            } else {
                assertThat(((Map<?, ?>) best.get("ticket")).get("category")).isEqualTo("connectivity");
            }
        });
        response.path("answerSupportQuery.answer")
                .entity(String.class)
                .satisfies(a -> assertThat(a.toLowerCase()).contains("router"));
        // the answer is kept for feedback and knowledge-gap reports, with its sources
        String id = response.path("answerSupportQuery.id").entity(String.class).get();
        answerLog.flush();
        assertThat(count("MATCH (q:SupportQuery {id: '" + id + "'})-[:SOURCE]->() RETURN count(*)"))
                .isBetween(1L, 5L);
    }

    @Test
    void anArticleThatResolvedSimilarTicketsRanksAtLeastAsHighAsThoseTickets() {
        SupportAnswer answer = answering.answer("I returned my order but the refund has not arrived", null, false);
        assertThat(answer.category()).isEqualTo("refund");
        var article = answer.sources().stream()
                .filter(s -> s.id().equals("a-refund"))
                .findFirst()
                .orElseThrow();
        var bestTicket = answer.sources().stream()
                .filter(s -> s.id().startsWith("rt-r"))
                .findFirst()
                .orElseThrow();
        assertThat(article.score()).isGreaterThanOrEqualTo(bestTicket.similarity());
        assertThat(article.reasons()).anySatisfy(r -> assertThat(r).startsWith("resolved ticket rt-r"));
    }

    @Test
    void theCustomersProductsRaiseTheSourcesAboutThem() {
        String question = "How do I switch my device off and on again?";
        SupportAnswer anonymous = answering.answer(question, null, false);
        SupportAnswer alice = answering.answer(question, "alice", false); // bought the router
        SupportAnswer bob = answering.answer(question, "bob", false); // bought the phone
        var routerForAlice = source(alice, "a-router-restart");
        assertThat(routerForAlice.score())
                .isCloseTo(source(anonymous, "a-router-restart").score() + 0.10, within(1e-6));
        assertThat(routerForAlice.reasons()).contains("about a product the customer bought");
        assertThat(source(bob, "a-router-restart").score())
                .isCloseTo(source(anonymous, "a-router-restart").score(), within(1e-6));
        assertThat(source(bob, "a-phone-restart").score())
                .isGreaterThan(source(alice, "a-phone-restart").score());
        // so the router article ranks higher for its owner than for the phone owner
        assertThat(alice.sources().indexOf(routerForAlice))
                .isLessThan(bob.sources().indexOf(source(bob, "a-router-restart")));
    }

    private static org.crmgraph.language.answer.AnswerSource source(SupportAnswer answer, String id) {
        return answer.sources().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not among " + answer.sources()));
    }

    @Test
    void unrelatedAndUnreadableQuestionsEscalateWithAReason() {
        var unrelated = ask("Which painter lived in Delft in the seventeenth century?", null);
        unrelated.path("answerSupportQuery.decision").entity(String.class).isEqualTo("ESCALATE");
        unrelated
                .path("answerSupportQuery.reason")
                .entity(String.class)
                .satisfies(r -> assertThat(r).contains("only"));

        // the fixture has no Chinese sources: a Chinese question is read, finds nothing in Chinese, and says so
        var chinese = ask("我的路由器一直断网，怎么办？", null);
        chinese.path("answerSupportQuery.decision").entity(String.class).isEqualTo("ESCALATE");
        chinese.path("answerSupportQuery.reason")
                .entity(String.class)
                .satisfies(r -> assertThat(r).contains("in Chinese"));

        var russian = ask("Мой роутер постоянно теряет связь, что делать?", null);
        russian.path("answerSupportQuery.decision").entity(String.class).isEqualTo("ESCALATE");
        russian.path("answerSupportQuery.reason")
                .entity(String.class)
                .satisfies(r -> assertThat(r).contains("read English and Chinese"));
    }

    @Test
    void blankHugeAndUnknownCustomerQuestionsGetClearErrorsAndStoreNothing() {
        long before = count("MATCH (q:SupportQuery) RETURN count(q)");
        ask("   ", null).errors().satisfy(errors -> {
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.getExtensions()).containsEntry("code", "REQUIRED").containsEntry("argument", "question");
                assertThat(e.getMessage()).contains("must not be empty");
            });
        });
        ask("why ".repeat(600), null)
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions())
                            .containsEntry("code", "TOO_LONG")
                            .containsEntry("argument", "question");
                    assertThat(e.getMessage()).contains("2399 characters").contains("at most 2000");
                }));
        ask("Where is my parcel?", "nobody")
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions())
                            .containsEntry("code", "NOT_FOUND")
                            .containsEntry("argument", "customerId");
                }));
        answerLog.flush();
        assertThat(count("MATCH (q:SupportQuery) RETURN count(q)")).isEqualTo(before);
    }

    @Test
    void unhelpfulFeedbackLowersASourceForTheSameQuestionAndHelpfulFeedbackRaisesIt() {
        String question = "My parcel never arrived";
        SupportAnswer first = answering.answer(question, null);
        double before = first.sources().stream()
                .filter(s -> s.id().equals("a-delivery"))
                .findFirst()
                .orElseThrow()
                .score();

        graphQl.documentName("answerFeedback")
                .variable("answerId", first.id())
                .variable("helpful", false)
                .variable("articleId", "a-delivery")
                .execute()
                .path("answerFeedback.sourceId")
                .entity(String.class)
                .isEqualTo("a-delivery")
                .path("answerFeedback.errors")
                .entityList(Object.class)
                .hasSize(0);
        SupportAnswer lowered = answering.answer(question, null, false);
        var loweredSource = lowered.sources().stream()
                .filter(s -> s.id().equals("a-delivery"))
                .findFirst()
                .orElseThrow();
        assertThat(loweredSource.score()).isLessThan(before);
        assertThat(loweredSource.reasons()).anySatisfy(r -> assertThat(r).startsWith("marked unhelpful"));

        // the same answer and article again: the verdict is replaced, not added
        graphQl.documentName("answerFeedback")
                .variable("answerId", first.id())
                .variable("helpful", true)
                .variable("articleId", "a-delivery")
                .execute()
                .path("answerFeedback.helpful")
                .entity(Boolean.class)
                .isEqualTo(true);
        assertThat(count("MATCH (:SupportQuery {id: '" + first.id() + "'})-[f:FEEDBACK]->() RETURN count(f)"))
                .isOne();
        SupportAnswer raised = answering.answer(question, null, false);
        assertThat(raised.sources().stream()
                        .filter(s -> s.id().equals("a-delivery"))
                        .findFirst()
                        .orElseThrow()
                        .score())
                .isGreaterThan(before);
    }

    @Test
    void feedbackOnUnknownAnswersOrArticlesIsRefusedByName() {
        graphQl.documentName("answerFeedback")
                .variable("answerId", "nope")
                .variable("helpful", true)
                .execute()
                .path("answerFeedback.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND")
                .path("answerFeedback.errors[0].field")
                .entityList(String.class)
                .containsExactly("answerId");
        SupportAnswer answer = answering.answer("Where is my parcel?", null);
        graphQl.documentName("answerFeedback")
                .variable("answerId", answer.id())
                .variable("helpful", true)
                .variable("articleId", "a-nope")
                .execute()
                .path("answerFeedback.errors[0].field")
                .entityList(String.class)
                .containsExactly("articleId");
        assertThat(count("MATCH ()-[f:FEEDBACK]->() RETURN count(f)")).isZero();
    }

    @Test
    void weakAnswersAboutTheSameMissingTopicFormOneKnowledgeGap() {
        for (String q : List.of(
                "Can I pay for my order with bitcoin?",
                "Do you accept crypto currency such as bitcoin as payment?",
                "Is paying with bitcoin possible?",
                "Which painter lived in Delft in the seventeenth century?")) {
            answering.answer(q, null);
        }
        answering.answer("Internet keeps dropping", null); // a strong answer: not a gap

        graphQl.documentName("supportSearch")
                .operationName("knowledgeGaps")
                .variable("minQuestions", 2)
                .execute()
                .path("knowledgeGaps")
                .entityList(Map.class)
                .satisfies(gaps -> {
                    assertThat(gaps).hasSize(1);
                    assertThat(gaps.getFirst().get("size")).isEqualTo(3);
                    assertThat((String) gaps.getFirst().get("question")).containsIgnoringCase("bitcoin");
                    assertThat((List<?>) gaps.getFirst().get("examples")).hasSize(3);
                });
        graphQl.documentName("supportSearch")
                .operationName("knowledgeGaps")
                .variable("days", 0)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors.getFirst().getExtensions()).containsEntry("code", "OUT_OF_RANGE"));
    }

    @Test
    void aNewKnowledgeGapIsAnnouncedOnceMaskedForTheSubscriberAndLosesAnErasedPersonsQuestion() throws Exception {
        var readOnly = org.crmgraph.api.events.Subscribers.client(
                port, keys.create("gap watcher", Role.READ_ONLY, "test").secret());
        var announced = readOnly.document("""
                        subscription($after: ID) { knowledgeGapEvents(after: $after) {
                          type gapId actor gap { question size examples } } }""")
                .variable("after", String.valueOf(outbox.head()))
                .executeSubscription()
                .map(response -> response.field("knowledgeGapEvents")
                        .toEntity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {}))
                .take(1)
                .replay(1);
        announced.connect();

        answering.answer("Is paying with bitcoin possible?", null);
        answering.answer("Do you accept crypto currency such as bitcoin as payment?", null);
        assertThat(watch.watch())
                .as("two weak answers are not a gap yet (min-questions 3)")
                .isEmpty();
        // Alice's question carries her e-mail; an e-mail shifts a short sentence's embedding, so it is written as the
        // answer log would, with the meaning (embedding) of a question it rewords
        answerLog.flush();
        cypher.write("""
                MATCH (like:SupportQuery {question: 'Is paying with bitcoin possible?'}), (c:Customer {id: 'alice'})
                CREATE (c)-[:ASKED]->(q:SupportQuery {id: 'q-alice', customerId: 'alice', askedAt: datetime(),
                  question: 'Can I pay with bitcoin? Write to satoshi@example.com', confidence: 0.3,
                  decision: 'ESCALATE'})
                SET q.embedding = like.embedding
                """, Map.of());

        List<String> found = watch.watch();
        assertThat(found).hasSize(1);
        String gapId = found.getFirst();
        assertThat(watch.watch()).as("nothing new asked: nothing found").isEmpty();
        answering.answer("Is paying with bitcoin possible?", null);
        assertThat(watch.watch())
                .as("a fourth question joins the gap it is about")
                .isEmpty();
        assertThat(count("MATCH (g:KnowledgeGap)-[:INCLUDES]->(q:SupportQuery) RETURN count(q)"))
                .isEqualTo(4);

        Map<String, Object> event = announced.blockFirst(java.time.Duration.ofSeconds(15));
        assertThat(event)
                .containsEntry("type", "FOUND")
                .containsEntry("gapId", gapId)
                .containsEntry("actor", "system");
        @SuppressWarnings("unchecked")
        Map<String, Object> gap = (Map<String, Object>) event.get("gap");
        assertThat((String) gap.get("question")).containsIgnoringCase("bitcoin");
        assertThat(gap.get("examples").toString())
                .as("the questions masked for READ_ONLY like knowledgeGaps")
                .containsIgnoringCase("bitcoin")
                .doesNotContain("satoshi@example.com");
        readOnly.stop().block();
        assertThat(count("MATCH (e:ChangeEvent {type: 'KNOWLEDGE_GAP_FOUND'}) WHERE e.entityId = '" + gapId
                        + "' RETURN count(e)"))
                .isEqualTo(1);

        // an erasure scrubs the asker's question where it lives: the stored gap no longer shows it
        privacy.erase("alice");
        var stored = gaps.stored(List.of(gapId)).get(gapId);
        assertThat(stored.examples()).hasSize(3).noneMatch(q -> q.contains("satoshi"));
        assertThat(stored.size()).as("how many were asked stays").isEqualTo(4);
    }

    @Test
    void twoInstancesWatchingAtOnceFindANewGapOnce() throws Exception {
        for (String q : List.of(
                "Can I bring my dog into your store?",
                "Are pets such as dogs allowed in the shop?",
                "Is my dog welcome when I visit your store?")) {
            answering.answer(q, null);
        }
        var racing = java.util.concurrent.Executors.newFixedThreadPool(2);
        var start = new java.util.concurrent.CountDownLatch(1);
        var first = racing.submit(() -> {
            start.await();
            return watch.watch();
        });
        var second = racing.submit(() -> {
            start.await();
            return watch.watch();
        });
        start.countDown();
        List<String> found = new java.util.ArrayList<>(first.get(60, java.util.concurrent.TimeUnit.SECONDS));
        found.addAll(second.get(60, java.util.concurrent.TimeUnit.SECONDS));
        racing.shutdown();
        assertThat(found).as("one of the two found it, the other saw it stored").hasSize(1);
        assertThat(count("MATCH (g:KnowledgeGap) RETURN count(g)")).isEqualTo(1);
    }

    @Test
    void similarTicketsAndArticleSearchFindByMeaning() {
        graphQl.documentName("supportSearch")
                .operationName("similarTickets")
                .variable("ticketId", "rt-b1")
                .variable("first", 3)
                .execute()
                .path("similarTickets[*].ticket.category")
                .entityList(String.class)
                .satisfies(categories -> {
                    assertThat(categories).hasSize(3).containsOnly("battery");
                })
                .path("similarTickets[*].ticket.id")
                .entityList(String.class)
                .satisfies(ids -> assertThat(ids).doesNotContain("rt-b1"));
        graphQl.documentName("supportSearch")
                .operationName("searchArticles")
                .variable("text", "I forgot how to log in")
                .variable("first", 2)
                .execute()
                .path("searchArticles[0].article.id")
                .entity(String.class)
                .isEqualTo("a-password");
        graphQl.documentName("supportSearch")
                .operationName("similarTickets")
                .variable("ticketId", "nope")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors.getFirst().getExtensions()).containsEntry("code", "NOT_FOUND"));
    }

    @Test
    void theTrainedClassifierIsVersionedValidatedAndRoutesOpenTickets() {
        var trained = graphQl.documentName("trainTicketClassifier")
                .variable("holdout", 0.2)
                .execute();
        trained.path("trainTicketClassifier.errors").entityList(Object.class).hasSize(0);
        trained.path("trainTicketClassifier.classifier").entity(Map.class).satisfies(c -> {
            assertThat(c.get("current")).isEqualTo(true);
            assertThat((List<?>) c.get("categories")).hasSize(5);
            assertThat(c.get("trainSize")).isEqualTo(25);
            assertThat(c.get("validationSize")).isEqualTo(5);
            assertThat(((Number) c.get("accuracy")).doubleValue()).isGreaterThanOrEqualTo(0.8);
            assertThat(((Number) c.get("majorityBaseline")).doubleValue()).isEqualTo(0.2);
        });
        int version = trained.path("trainTicketClassifier.classifier.version")
                .entity(Integer.class)
                .get();

        // answers now carry the classifier's category and version
        SupportAnswer answer = answering.answer("My phone battery dies before the evening", null, false);
        assertThat(answer.category()).isEqualTo("battery");
        assertThat(answer.classifierVersion()).isEqualTo((long) version);
        // the category's priority; one step up when the question reads strongly negative
        assertThat(answer.suggestedPriority()).isEqualTo(answer.sentiment().stronglyNegative(0.95) ? "HIGH" : "MEDIUM");

        // an open ticket written now is routed by the next embedding pass
        cypher.write("MATCH (t:Ticket {id: 'open-1'}) SET t.updatedAt = datetime()", Map.of());
        backfill.run((done, total) -> {});
        graphQl.documentName("supportSearch")
                .operationName("routedTicket")
                .variable("id", "open-1")
                .execute()
                .path("ticket.predictedCategory")
                .entity(String.class)
                .isEqualTo("refund")
                .path("ticket.suggestedPriority")
                .entity(String.class)
                .isEqualTo("MEDIUM");

        // a second training makes a new current version; the first stays, no longer current
        graphQl.documentName("trainTicketClassifier")
                .variable("holdout", 0.0)
                .execute()
                .path("trainTicketClassifier.classifier.version")
                .entity(Integer.class)
                .isEqualTo(version + 1)
                .path("trainTicketClassifier.classifier.accuracy")
                .valueIsNull();
        graphQl.documentName("supportSearch")
                .operationName("ticketClassifiers")
                .execute()
                .path("ticketClassifier.version")
                .entity(Integer.class)
                .isEqualTo(version + 1)
                .path("ticketClassifiers[*].current")
                .entityList(Boolean.class)
                .containsExactly(true, false);
        graphQl.documentName("trainTicketClassifier")
                .variable("holdout", 0.9)
                .execute()
                .path("trainTicketClassifier.errors[0].code")
                .entity(String.class)
                .isEqualTo("OUT_OF_RANGE");
    }

    @Test
    void trainingWithoutTwoLabelledCategoriesIsRefusedSayingWhatIsMissing() {
        cypher.write("MATCH (t:Ticket) WHERE t.category <> 'refund' REMOVE t.category", Map.of());
        var response = graphQl.documentName("trainTicketClassifier").execute();
        response.path("trainTicketClassifier.errors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE");
        response.path("trainTicketClassifier.errors[0].message")
                .entity(String.class)
                .satisfies(m -> assertThat(m)
                        .contains("at least two categories")
                        .contains("found 6 labelled ticket(s) in 1 category"));
        assertThat(count("MATCH (m:TicketClassifier) RETURN count(m)")).isZero();
        assertThat(run("train-classifier").status()).isEqualTo(Command.FAILED);
    }

    @Test
    void concurrentQuestionsGetTheSameAnswersAsOneAtATime() throws Exception {
        List<String> questions = List.of(
                "My wifi connection keeps dropping out",
                "Phone battery empty by noon",
                "How long does shipping take?",
                "I forgot my password",
                "When do I get my money back?");
        List<String> alone = questions.stream()
                .map(q -> answering.answer(q, null, false).sources().getFirst().id())
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String q = questions.get(i % questions.size());
                futures.add(pool.submit((Callable<String>) () ->
                        answering.answer(q, null, false).sources().getFirst().id()));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(alone.get(i % questions.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCommandsTrainEmbedAndEvaluateAndRefuseBadArguments(@TempDir Path folder) throws Exception {
        assertThat(run("train-classifier", "--holdout", "0.2").out())
                .contains("Ticket classifier version")
                .contains("accuracy");
        assertThat(run("train-classifier", "--epochs").status()).isEqualTo(Command.BAD_ARGUMENTS);
        assertThat(run("train-classifier", "--holdout", "x").status()).isEqualTo(Command.BAD_ARGUMENTS);
        assertThat(run("embed").out()).contains("Embedded 0 ticket(s)");

        Path dataset = folder.resolve("questions.csv");
        StringBuilder csv = new StringBuilder("text,category\n");
        String[][] seeds = {
            {
                "card_arrival",
                "my card has not arrived",
                "when will my new card come",
                "card still not delivered",
                "waiting for my card for weeks",
                "how long until the card arrives"
            },
            {
                "exchange_rate",
                "what exchange rate do you use",
                "is the currency rate fair",
                "which rate for converting euros",
                "how is the exchange rate set",
                "rate for dollars to pounds"
            },
            {
                "lost_card",
                "I lost my card",
                "my card was stolen",
                "cannot find my bank card",
                "someone took my card",
                "card missing from my wallet"
            }
        };
        for (String[] seed : seeds) {
            for (int i = 1; i < seed.length; i++) {
                csv.append('"').append(seed[i]).append("\",").append(seed[0]).append('\n');
            }
        }
        Files.writeString(dataset, csv.toString());
        CommandRun evaluated =
                run("evaluate-support", "--dataset", dataset.toString(), "--holdout", "0.4", "--latency-samples", "6");
        assertThat(evaluated.status()).as(evaluated.err()).isEqualTo(Command.OK);
        assertThat(evaluated.out())
                .contains("retrieval, nearest ticket")
                .contains("classifier v")
                .contains("sentences/s")
                .contains("p50");
        assertThat(evaluated.err()).contains("other labelled ticket(s)");
        assertThat(run(
                                "evaluate-support",
                                "--dataset",
                                folder.resolve("missing.csv").toString())
                        .status())
                .isEqualTo(Command.BAD_ARGUMENTS);
    }

    private CommandRun run(String name, String... arguments) {
        return CommandRun.of(commands, name, arguments);
    }
}
