package org.crmgraph.api.article;

import java.util.List;
import org.crmgraph.api.graphql.Connection;
import org.crmgraph.api.graphql.DeletePayload;
import org.crmgraph.api.graphql.SortDirection;
import org.crmgraph.graph.article.Article;
import org.crmgraph.graph.article.ArticleFilter;
import org.crmgraph.graph.article.ArticleInput;
import org.crmgraph.graph.article.ArticleService;
import org.crmgraph.graph.article.ArticleSort;
import org.crmgraph.graph.page.Pages;
import org.crmgraph.graph.validation.FieldError;
import org.crmgraph.graph.validation.Outcome;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ArticleController {

    /** An explicit {@code orderBy: null} or {@code direction: null} means the schema's default, not a failure. */
    record ArticleSortInput(ArticleSort field, SortDirection direction) {

        static final ArticleSortInput DEFAULT = new ArticleSortInput(ArticleSort.UPDATED_AT, SortDirection.DESC);

        ArticleSortInput {
            direction = direction == null ? SortDirection.DESC : direction;
        }
    }

    record ArticlePayload(Article article, List<FieldError> errors) {
        static ArticlePayload of(Outcome<Article> outcome) {
            return new ArticlePayload(outcome.value(), outcome.errors());
        }
    }

    private final ArticleService articles;
    private final Pages paging;

    ArticleController(ArticleService articles, Pages paging) {
        this.articles = articles;
        this.paging = paging;
    }

    @QueryMapping
    Article article(@Argument String id) {
        return articles.find(id).orElse(null);
    }

    @QueryMapping
    Connection<Article> articles(
            @Argument Integer first,
            @Argument String after,
            @Argument ArticleFilter filter,
            @Argument ArticleSortInput orderBy) {
        ArticleSortInput sort = orderBy == null ? ArticleSortInput.DEFAULT : orderBy;
        boolean descending = sort.direction().descending();
        var request = paging.request(first, after, sort.field().key(), descending);
        return Connection.of(articles.page(filter, sort.field(), descending, request));
    }

    @MutationMapping
    ArticlePayload createArticle(@Argument ArticleInput input) {
        return ArticlePayload.of(articles.create(input));
    }

    @MutationMapping
    ArticlePayload updateArticle(@Argument String id, @Argument ArticleInput input) {
        return ArticlePayload.of(articles.update(id, input));
    }

    @MutationMapping
    DeletePayload deleteArticle(@Argument String id) {
        return DeletePayload.of(articles.delete(id));
    }
}
