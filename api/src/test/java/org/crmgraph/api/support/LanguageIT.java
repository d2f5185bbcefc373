package org.crmgraph.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.crmgraph.api.CrmIntegrationTest;
import org.crmgraph.api.cli.Command;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.fixture.GraphFixture;
import org.crmgraph.graph.privacy.CustomerPrivacy;
import org.crmgraph.language.answer.AnswerSource;
import org.crmgraph.language.answer.Decision;
import org.crmgraph.language.answer.SupportAnswer;
import org.crmgraph.language.answer.SupportAnswering;
import org.crmgraph.language.embedding.EmbeddingBackfill;
import org.crmgraph.language.sentiment.SentimentBackfill;
import org.crmgraph.language.sentiment.SentimentLabel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Sentiment, Chinese, hybrid retrieval and passages with the real models, on {@code fixtures/support.cypher} plus a
 * few documents of their own: a Chinese article and ticket, a ticket about an error code, an article of several
 * sentences.
 */
@CrmIntegrationTest
class LanguageIT {

    private static final String EXTRA = """
            CREATE (:Article {id: 'a-zh-password', title: '重置账户密码',
                    body: '在登录页面点击忘记密码，我们会给您发送一封邮件。邮件里的链接一小时内有效。',
                    createdAt: datetime('2025-01-01T00:00Z'), updatedAt: datetime('2025-01-01T00:00Z')})
            CREATE (:Article {id: 'a-returns', title: 'Returns and refunds',
                    body: 'You can return any item within thirty days. Print the return label from your order page and stick it on the parcel. Refunds reach your card five working days after the parcel arrives at our warehouse. Sale items are returned the same way.',
                    createdAt: datetime('2025-01-01T00:00Z'), updatedAt: datetime('2025-01-01T00:00Z')})
            WITH 1 AS one
            MATCH (c:Customer {id: 'alice'})
            CREATE (c)-[:RAISED]->(:Ticket {id: 'rt-code', subject: 'Checkout fails with E-4711',
                    body: 'The payment page shows E-4711 and stops.', resolution: 'Clear the basket cookie and pay again; E-4711 means the basket expired.',
                    status: 'RESOLVED', priority: 'MEDIUM', channel: 'WEB', category: 'payment',
                    createdAt: datetime('2025-03-01T00:00Z'), updatedAt: datetime('2025-03-01T00:00Z'), resolvedAt: datetime('2025-03-02T00:00Z')})
            CREATE (c)-[:RAISED]->(:Ticket {id: 'rt-zh', subject: '发票在哪里下载', body: '我找不到上个月订单的发票。',
                    resolution: '发票可以在订单页面的"下载发票"按钮下载。', status: 'RESOLVED', priority: 'LOW', channel: 'EMAIL',
                    category: 'billing', createdAt: datetime('2025-03-01T00:00Z'), updatedAt: datetime('2025-03-01T00:00Z'),
                    resolvedAt: datetime('2025-03-02T00:00Z')})
            """;

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    CypherRunner cypher;

    @Autowired
    EmbeddingBackfill backfill;

    @Autowired
    SentimentBackfill sentiments;

    @Autowired
    SupportAnswering answering;

    @Autowired
    List<Command> commands;

    @Autowired
    CustomerPrivacy privacy;

    @TempDir
    Path dir;

    @BeforeEach
    void load() {
        GraphFixture.reset(cypher, "fixtures/support.cypher");
        cypher.write(EXTRA, Map.of());
        backfill.run((done, total) -> {});
    }

    private GraphQlTester.Response analyze(String text) {
        return graphQl.document("query($t: String!) { analyzeSentiment(text: $t) { label confidence model } }")
                .variable("t", text)
                .execute();
    }

    @Test
    void analyzeSentimentReadsEnglishAndChineseAndRefusesWhatNoModelReads() {
        analyze("This is the third time my order is late, I am furious and want a refund now!")
                .path("analyzeSentiment.label")
                .entity(String.class)
                .isEqualTo("NEGATIVE")
                .path("analyzeSentiment.model")
                .entity(String.class)
                .isEqualTo("default-en");
        analyze("非常感谢你们的帮助，服务太好了！")
                .path("analyzeSentiment.label")
                .entity(String.class)
                .isEqualTo("POSITIVE")
                .path("analyzeSentiment.model")
                .entity(String.class)
                .isEqualTo("default-zh");
        analyze("   ")
                .errors()
                .satisfy(errors -> assertThat(errors.getFirst().getExtensions()).containsEntry("code", "REQUIRED"));
        analyze("Где моя посылка? Уже неделя прошла").errors().satisfy(errors -> {
            assertThat(errors.getFirst().getExtensions()).containsEntry("code", "INVALID_FORMAT");
            assertThat(errors.getFirst().getMessage()).contains("English and Chinese");
        });
        analyze("late ".repeat(1000))
                .errors()
                .satisfy(errors -> assertThat(errors.getFirst().getExtensions()).containsEntry("code", "TOO_LONG"));
    }

    @Test
    void anAngryTicketIsReadNegativeRaisesItsSuggestedPriorityAndMovesItsCustomersTrend() {
        String id = graphQl.documentName("openTicket")
                .variable(
                        "input",
                        Map.of(
                                "customerId", "carol",
                                "subject", "Terrible service, I am very angry",
                                "body",
                                        "This is unacceptable and I am so disappointed. Worst experience ever, I want my money back.",
                                "priority", "MEDIUM",
                                "channel", "EMAIL"))
                .execute()
                .path("openTicket.ticket.id")
                .entity(String.class)
                .get();
        SentimentBackfill.Report report = sentiments.run();
        assertThat(report.tickets()).isGreaterThanOrEqualTo(1);
        graphQl.document(
                        "query($id: ID!) { ticket(id: $id) { sentiment { label confidence model } suggestedPriority } }")
                .variable("id", id)
                .execute()
                .path("ticket.sentiment.label")
                .entity(String.class)
                .isEqualTo("NEGATIVE")
                .path("ticket.suggestedPriority")
                .entity(String.class)
                .isEqualTo("HIGH");
        graphQl.document(
                        "{ tickets(first: 50, filter: {sentiment: NEGATIVE}) { edges { node { id sentiment { label } } } } }")
                .execute()
                .path("tickets.edges[*].node.id")
                .entityList(String.class)
                .contains(id);
        // angriest first: the signed scores never fall along the page
        graphQl.document(
                        "{ tickets(first: 50, orderBy: {field: SENTIMENT, direction: ASC}) { edges { node { sentiment { label confidence } } } } }")
                .execute()
                .path("tickets.edges[*].node.sentiment")
                .entityList(Map.class)
                .satisfies(list -> {
                    List<Double> signed = list.stream()
                            .map(m -> switch ((String) m.get("label")) {
                                case "NEGATIVE" -> -((Number) m.get("confidence")).doubleValue();
                                case "POSITIVE" -> ((Number) m.get("confidence")).doubleValue();
                                default -> 0.0;
                            })
                            .toList();
                    assertThat(signed)
                            .isSorted()
                            .first()
                            .satisfies(first -> assertThat(first).isLessThan(-0.5));
                });
        graphQl.document("{ tickets(first: 50, where: {sentiment: {eq: POSITIVE}}) { edges { node { id } } } }")
                .execute()
                .path("tickets.edges[*].node.id")
                .entityList(String.class)
                .doesNotContain(id);
        graphQl.document("{ customer(id: \"carol\") { sentimentTrend { recent change messages } } }")
                .execute()
                .path("customer.sentimentTrend.recent")
                .entity(Double.class)
                .satisfies(recent -> assertThat(recent).isLessThan(0));

        graphQl.document(
                        "{ customers(first: 10, where: {sentimentRecent: {lt: 0}}, orderBy: {field: SENTIMENT_CHANGE, direction: ASC}) { edges { node { id } } } }")
                .execute()
                .path("customers.edges[*].node.id")
                .entityList(String.class)
                .contains("carol");

        // an interaction with text is read too, and counts in its customer's trend
        cypher.write("""
                MATCH (c:Customer {id: 'bob'})
                CREATE (c)-[:HAD]->(:Interaction {id: 'int-praise', channel: 'SOCIAL', type: 'review_posted',
                        occurredAt: datetime(), text: 'Thank you so much, great service, I love it!'})
                """, Map.of());
        assertThat(sentiments.run().interactions()).isOne();
        assertThat(count("MATCH (i:Interaction {id: 'int-praise', sentiment: 'POSITIVE'}) RETURN count(i)"))
                .isOne();
        assertThat(count("MATCH (c:Customer {id: 'bob'}) WHERE c.sentimentRecent > 0 RETURN count(c)"))
                .isOne();

        // nothing changed: nothing is read again; the resolved tickets' sentiment reads their customers' words only
        assertThat(sentiments.run().tickets()).isZero();
        assertThat(cypher.read(
                                "MATCH (t:Ticket) WHERE t.sentiment IS NULL RETURN count(t) AS n",
                                Map.of(),
                                r -> r.get("n").asLong())
                        .getFirst())
                .isZero();
    }

    @Test
    void erasingAPersonErasesWhatWasReadFromTheirWordsAndTheirPlaceholderIsNotReadAgain() {
        sentiments.run();
        assertThat(
                        count(
                                "MATCH (:Customer {id: 'alice'})-[:RAISED]->(t:Ticket) WHERE t.sentiment IS NOT NULL RETURN count(t)"))
                .isPositive();
        assertThat(count("MATCH (c:Customer {id: 'alice'}) WHERE c.sentimentRecent IS NOT NULL RETURN count(c)"))
                .isOne();
        privacy.erase("alice");
        assertThat(
                        count(
                                "MATCH (:Customer {id: 'alice'})-[:RAISED]->(t:Ticket) WHERE t.sentiment IS NOT NULL OR t.embeddingZh IS NOT NULL RETURN count(t)"))
                .isZero();
        assertThat(count("MATCH (c:Customer {id: 'alice'}) WHERE c.sentimentRecent IS NOT NULL RETURN count(c)"))
                .isZero();
        sentiments.run();
        assertThat(
                        count(
                                "MATCH (:Customer {id: 'alice'})-[:RAISED]->(t:Ticket) WHERE t.sentiment IS NOT NULL RETURN count(t)"))
                .isZero();
    }

    private long count(String query) {
        return cypher.read(query, Map.of(), r -> r.get(0).asLong()).getFirst();
    }

    @Test
    void aChineseQuestionIsAnsweredFromChineseSourcesAndWithoutThemEscalatesSayingSo() {
        SupportAnswer answer = answering.answer("我忘记密码了，怎么重置？", null, false);
        assertThat(answer.sources()).isNotEmpty();
        assertThat(answer.sources().getFirst().id()).isEqualTo("a-zh-password");
        assertThat(answer.answer()).contains("忘记密码");
        assertThat(answer.sentiment()).isNotNull();
        assertThat(String.valueOf(answer.reason())).doesNotContain("script");

        graphQl.document("{ searchArticles(text: \"怎么重置密码\", first: 1) { article { id } } }")
                .execute()
                .path("searchArticles[0].article.id")
                .entity(String.class)
                .isEqualTo("a-zh-password");

        cypher.write("MATCH (n) WHERE n:Article OR n:Ticket REMOVE n.embeddingZh", Map.of());

        SupportAnswer none = answering.answer("我忘记密码了，怎么重置？", null, false);
        assertThat(none.decision()).isEqualTo(Decision.ESCALATE);
        assertThat(none.reason()).contains("in Chinese");

        SupportAnswer russian = answering.answer("Как сбросить пароль?", null, false);
        assertThat(russian.decision()).isEqualTo(Decision.ESCALATE);
        assertThat(russian.reason()).contains("English and Chinese");
    }

    @Test
    void aProductCodeFindsItsTicketThroughFullText() {
        SupportAnswer answer = answering.answer("What does E-4711 mean?", null, false);
        assertThat(answer.sources()).extracting(AnswerSource::id).contains("rt-code");
        AnswerSource code = answer.sources().stream()
                .filter(s -> s.id().equals("rt-code"))
                .findFirst()
                .orElseThrow();
        assertThat(code.reasons()).anyMatch(r -> r.contains("full-text match"));
        assertThat(answer.sources().getFirst().id()).isEqualTo("rt-code");
    }

    @Test
    void theAnswerIsThePassageOfTheBestSourceThatAnswersAndTheWholeSourceIsLinked() {
        // the fixture's refund tickets and article would answer first: this is about the passage of an article
        cypher.write("MATCH (n) WHERE n.id STARTS WITH 'rt-r' OR n.id = 'a-refund' DETACH DELETE n", Map.of());
        SupportAnswer answer = answering.answer("When will I get my refund after returning an item?", null, false);
        assertThat(answer.sources().getFirst().id()).isEqualTo("a-returns");
        assertThat(answer.answer())
                .contains("Refunds reach your card five working days after the parcel arrives")
                .doesNotContain("Print the return label");
        assertThat(answer.sources().getFirst().text()).contains("Print the return label");
    }

    @Test
    void trainSentimentRefusesOneLabelAndUnknownLabelsThenTrainsAVersionThatReadsFromThen() throws Exception {
        Path oneLabel = dir.resolve("one.csv");
        Files.writeString(oneLabel, "text,sentiment\nbad,negative\nworse,NEGATIVE\n");
        CommandRun refused = run("train-sentiment", "--dataset", oneLabel.toString());
        assertThat(refused.status()).isEqualTo(Command.FAILED);
        assertThat(refused.err()).contains("at least two labels").contains("all NEGATIVE");

        Path unknown = dir.resolve("unknown.csv");
        Files.writeString(unknown, "text,sentiment\nbad,negative\nfine,meh\n");
        CommandRun badLabel = run("train-sentiment", "--dataset", unknown.toString());
        assertThat(badLabel.status()).isEqualTo(Command.BAD_ARGUMENTS);
        assertThat(badLabel.err()).contains("row 2").contains("'meh'");

        StringBuilder csv = new StringBuilder("id,mood,message\n");
        String[][] examples = {
            {"negative", "Terrible service, my order never came"},
            {"negative", "I am angry, the product broke in a day"},
            {"negative", "Worst support ever, nobody answers"},
            {"negative", "Awful, I want my money back"},
            {"neutral", "What time do you open on Monday?"},
            {"neutral", "How do I change my delivery address?"},
            {"neutral", "Is this jacket available in blue?"},
            {"neutral", "Please send me the invoice for order 12"},
            {"positive", "Thank you, great help!"},
            {"positive", "Love it, works perfectly"},
            {"positive", "Excellent service, very happy"},
            {"positive", "Thanks so much, you are wonderful"}
        };
        for (int copy = 0; copy < 3; copy++) {
            for (String[] e : examples) {
                csv.append(copy)
                        .append(",")
                        .append(copy == 1 ? e[0].toUpperCase() : e[0])
                        .append(",\"")
                        .append(e[1])
                        .append("\"\n");
            }
        }
        Path good = dir.resolve("good.csv");
        Files.writeString(good, csv);
        CommandRun trained = run(
                "train-sentiment", "--dataset", good.toString(), "--text-column", "message", "--label-column", "mood");
        assertThat(trained.status()).as(trained.err()).isEqualTo(Command.OK);
        assertThat(trained.out()).contains("Sentiment model version").contains("validation (");
        graphQl.document("{ sentimentModels { version current labels accuracy defaultAccuracy trainSize } }")
                .execute()
                .path("sentimentModels[0].current")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("sentimentModels[0].labels")
                .entityList(String.class)
                .containsExactly("NEGATIVE", "NEUTRAL", "POSITIVE");
        analyze("Awful, my order never came and nobody answers")
                .path("analyzeSentiment.model")
                .entity(String.class)
                .satisfies(model -> assertThat(model).startsWith("v"))
                .path("analyzeSentiment.label")
                .entity(String.class)
                .isEqualTo(SentimentLabel.NEGATIVE.name());
        cypher.write("MATCH (m:SentimentModel) DETACH DELETE m", Map.of());
    }

    private CommandRun run(String name, String... arguments) {
        return CommandRun.of(commands, name, arguments);
    }
}
