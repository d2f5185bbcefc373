package org.crmgraph.api.article;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.crmgraph.api.graphql.DateTimeScalar;
import org.crmgraph.graph.article.Article;
import org.crmgraph.graph.article.ArticleInput;
import org.crmgraph.graph.article.ArticleService;
import org.crmgraph.graph.page.CursorSeal;
import org.crmgraph.graph.page.Pages;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.Outcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The article controller alone, in a GraphQL slice: how arguments reach the service and how its outcome becomes the
 * payload. The service is the seam here; what it does against Neo4j is tested on a real Neo4j elsewhere.
 */
@GraphQlTest(ArticleController.class)
@Import(ArticleControllerTests.Wiring.class)
class ArticleControllerTests {

    @Autowired
    GraphQlTester graphQl;

    @MockitoBean
    ArticleService articles;

    @TestConfiguration(proxyBeanMethods = false)
    static class Wiring {
        @Bean
        Pages paging() {
            return new Pages(PagingProperties.defaults(), CursorSeal.withKey(CursorSeal.newKey()));
        }

        @Bean
        RuntimeWiringConfigurer dateTime() {
            return wiring ->
                    wiring.scalar(DateTimeScalar.INSTANCE).scalar(org.crmgraph.api.graphql.DecimalScalar.INSTANCE);
        }
    }

    private static Article article(String id, String title) {
        OffsetDateTime at = OffsetDateTime.parse("2026-01-10T00:00:00Z");
        return new Article(id, title, "body", List.of("returns"), at, at);
    }

    @Test
    void anArticleIsFetchedByIdAndAnUnknownIdIsNull() {
        given(articles.find("kb1")).willReturn(Optional.of(article("kb1", "Returns and refunds")));
        given(articles.find("nope")).willReturn(Optional.empty());
        graphQl.document("{ article(id: \"kb1\") { id title tags } }")
                .execute()
                .path("article.title")
                .entity(String.class)
                .isEqualTo("Returns and refunds")
                .path("article.tags")
                .entityList(String.class)
                .containsExactly("returns");
        graphQl.document("{ article(id: \"nope\") { id } }")
                .execute()
                .path("article")
                .valueIsNull();
    }

    @Test
    void aRefusedCreationComesBackAsErrorsInThePayloadNamingTheField() {
        given(articles.create(any(ArticleInput.class)))
                .willReturn(Outcome.failure("title", ErrorCode.REQUIRED, "title is required"));
        graphQl.document(
                        "mutation { createArticle(input: {title: \"\", body: \"b\"}) { article { id } errors { field code } } }")
                .execute()
                .path("createArticle.article")
                .valueIsNull()
                .path("createArticle.errors[0].field")
                .entityList(String.class)
                .containsExactly("title")
                .path("createArticle.errors[0].code")
                .entity(String.class)
                .isEqualTo("REQUIRED");
    }

    @Test
    void aPageSizeAboveTheLimitIsRefusedBeforeTheServiceIsAsked() {
        graphQl.document("{ articles(first: 1000) { totalCount } }")
                .execute()
                .errors()
                // the full service also drops the follow-up null error (RootCauseErrorsInstrumentation)
                .satisfy(errors -> org.assertj.core.api.Assertions.assertThat(errors)
                        .anySatisfy(error -> org.assertj.core.api.Assertions.assertThat(error.getExtensions())
                                .containsEntry("code", "PAGE_SIZE_EXCEEDED")
                                .containsEntry("argument", "first")));
        org.mockito.Mockito.verify(articles, org.mockito.Mockito.never()).page(any(), any(), eq(false), any());
    }
}
