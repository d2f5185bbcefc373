package org.crmgraph.api.support;

import java.util.List;
import java.util.Map;
import org.crmgraph.api.graphql.BatchResults;
import org.crmgraph.graph.article.Article;
import org.crmgraph.graph.article.ArticleService;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.graph.ticket.Ticket;
import org.crmgraph.graph.ticket.TicketService;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.FieldError;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.crmgraph.language.answer.AnswerSource;
import org.crmgraph.language.answer.Feedback;
import org.crmgraph.language.answer.KnowledgeGap;
import org.crmgraph.language.answer.KnowledgeGaps;
import org.crmgraph.language.answer.SemanticSearch;
import org.crmgraph.language.answer.SourceKind;
import org.crmgraph.language.answer.SupportAnswer;
import org.crmgraph.language.answer.SupportAnswering;
import org.crmgraph.language.classifier.ClassifierReport;
import org.crmgraph.language.classifier.ClassifierTraining;
import org.crmgraph.language.classifier.ClassifierTrainingException;
import org.crmgraph.language.classifier.TicketClassifiers;
import org.crmgraph.language.training.TicketClassifierTrainer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class SupportController {

    record TicketMatch(String ticketId, double similarity) {}

    record ArticleMatch(String articleId, double similarity) {}

    record AnswerFeedbackPayload(
            String answerId, Boolean helpful, SourceKind sourceKind, String sourceId, List<FieldError> errors) {}

    record TrainTicketClassifierPayload(ClassifierReport classifier, List<FieldError> errors) {}

    private final SupportAnswering answering;
    private final SemanticSearch search;
    private final Feedback feedback;
    private final KnowledgeGaps gaps;
    private final TicketClassifiers classifiers;
    private final TicketClassifierTrainer training;
    private final ArticleService articles;
    private final TicketService tickets;

    SupportController(
            SupportAnswering answering,
            SemanticSearch search,
            Feedback feedback,
            KnowledgeGaps gaps,
            TicketClassifiers classifiers,
            TicketClassifierTrainer training,
            ArticleService articles,
            TicketService tickets) {
        this.answering = answering;
        this.search = search;
        this.feedback = feedback;
        this.gaps = gaps;
        this.classifiers = classifiers;
        this.training = training;
        this.articles = articles;
        this.tickets = tickets;
    }

    /** Kept for existing clients; it records the answer like {@link #askSupportQuestion}, which is why it is deprecated. */
    @QueryMapping
    SupportAnswer answerSupportQuery(@Argument String question, @Argument String customerId) {
        return answering.answer(question, customerId);
    }

    @MutationMapping
    SupportAnswer askSupportQuestion(@Argument String question, @Argument String customerId) {
        return answering.answer(question, customerId);
    }

    @QueryMapping
    List<TicketMatch> similarTickets(@Argument String ticketId, @Argument Integer first) {
        int n = PagingProperties.listLength(first, 5, 50);
        if (tickets.find(ticketId).isEmpty()) {
            throw InvalidArgumentException.notFound("ticketId", "No ticket has id " + ticketId);
        }
        if (n == 0) {
            return List.of();
        }
        return search.similarTickets(ticketId, n).stream()
                .map(m -> new TicketMatch(m.id(), m.similarity()))
                .toList();
    }

    @QueryMapping
    List<ArticleMatch> searchArticles(@Argument String text, @Argument Integer first) {
        int n = PagingProperties.listLength(first, 5, 50);
        if (n == 0) {
            return List.of();
        }
        return search.articles(text, n).stream()
                .map(m -> new ArticleMatch(m.id(), m.similarity()))
                .toList();
    }

    @QueryMapping
    List<KnowledgeGap> knowledgeGaps(@Argument Integer days, @Argument Integer minQuestions, @Argument Integer first) {
        int d = days == null ? 30 : days;
        if (d < 1 || d > 365) {
            throw InvalidArgumentException.outOfRange("days", "days must be between 1 and 365, was " + d);
        }
        int min = minQuestions == null ? 2 : minQuestions;
        if (min < 1 || min > 1000) {
            throw InvalidArgumentException.outOfRange(
                    "minQuestions", "minQuestions must be between 1 and 1000, was " + min);
        }
        int n = PagingProperties.listLength(first, 10, 100);
        return n == 0 ? List.of() : gaps.find(d, min, n);
    }

    @QueryMapping
    ClassifierReport ticketClassifier() {
        return classifiers.current().orElse(null);
    }

    @QueryMapping
    List<ClassifierReport> ticketClassifiers(@Argument Integer first) {
        int n = PagingProperties.listLength(first, 10, 100);
        return n == 0 ? List.of() : classifiers.reports(n);
    }

    @MutationMapping
    AnswerFeedbackPayload answerFeedback(
            @Argument String answerId, @Argument boolean helpful, @Argument String articleId) {
        try {
            Feedback.Given given = feedback.give(answerId, helpful, articleId);
            return new AnswerFeedbackPayload(
                    given.answerId(), given.helpful(), given.kind(), given.sourceId(), List.of());
        } catch (InvalidArgumentException e) {
            return new AnswerFeedbackPayload(null, null, null, null, List.of(e.asFieldError()));
        }
    }

    @MutationMapping
    TrainTicketClassifierPayload trainTicketClassifier(@Argument Double holdout, @Argument Integer epochs) {
        try {
            return new TrainTicketClassifierPayload(
                    training.train(new ClassifierTraining.Options(holdout, epochs, null)), List.of());
        } catch (ClassifierTrainingException e) {
            return new TrainTicketClassifierPayload(
                    null, List.of(FieldError.of("holdout", ErrorCode.INVALID_STATE, e.getMessage())));
        } catch (InvalidArgumentException e) {
            return new TrainTicketClassifierPayload(null, List.of(e.asFieldError()));
        }
    }

    @BatchMapping(typeName = "AnswerSource", field = "article")
    Map<AnswerSource, Article> sourceArticle(List<AnswerSource> sources) {
        var keys = BatchResults.keys(sources, SupportController::articleId);
        return BatchResults.single(sources, SupportController::articleId, articles.findAll(keys));
    }

    @BatchMapping(typeName = "AnswerSource", field = "ticket")
    Map<AnswerSource, Ticket> sourceTicket(List<AnswerSource> sources) {
        var keys = BatchResults.keys(sources, SupportController::ticketId);
        return BatchResults.single(sources, SupportController::ticketId, tickets.findAll(keys));
    }

    @BatchMapping(typeName = "TicketMatch", field = "ticket")
    Map<TicketMatch, Ticket> matchTicket(List<TicketMatch> matches) {
        var keys = BatchResults.keys(matches, TicketMatch::ticketId);
        return BatchResults.single(matches, TicketMatch::ticketId, tickets.findAll(keys));
    }

    @BatchMapping(typeName = "ArticleMatch", field = "article")
    Map<ArticleMatch, Article> matchArticle(List<ArticleMatch> matches) {
        var keys = BatchResults.keys(matches, ArticleMatch::articleId);
        return BatchResults.single(matches, ArticleMatch::articleId, articles.findAll(keys));
    }

    private static String articleId(AnswerSource source) {
        return source.kind() == SourceKind.ARTICLE ? source.id() : null;
    }

    private static String ticketId(AnswerSource source) {
        return source.kind() == SourceKind.TICKET ? source.id() : null;
    }
}
